using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay.Io;
using Smallfish.Wire;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Text;

namespace Smallfish.Simulation.Replay.Readers;

/// <summary>
/// Reads cryptofeed's Bybit v5 JSON Lines recording: each line is an envelope <c>{"t","conn","ts","data",...}</c>
/// where <c>t</c> is <c>header|http|connect|send|recv</c>, <c>ts</c> the local receive time in float seconds and
/// <c>data</c> the raw exchange message as a JSON string. The string is unescaped into a reused buffer and parsed a
/// second time. Connections are told apart by the address of their <c>connect</c> line: only the linear
/// (<c>/v5/public/linear</c>) connection's messages are replayed; spot and anything else are counted as ignored.
/// </summary>
public sealed class CryptofeedBybitReader : IReplayReader
{
    private readonly LineReader _lines;
    private readonly BybitMarketDataParser _parser;
    private readonly ReplayErrorPolicy _policy;
    private readonly CountingSink _counting;
    private readonly List<(byte[] Id, bool Linear)> _connections = new();
    private byte[] _payload = new byte[1 << 14];

    /// <summary>Creates a reader over <paramref name="file"/>; see <see cref="BybitMarketDataParser"/> for <paramref name="emitTickerBbo"/>.</summary>
    public CryptofeedBybitReader(string file, SymbolTable symbols, InstrumentCatalog catalog,
        ReplayErrorPolicy policy = ReplayErrorPolicy.Stop, bool emitTickerBbo = false)
    {
        _parser = new BybitMarketDataParser(symbols, catalog, emitTickerBbo);
        _policy = policy;
        _counting = new CountingSink(Counters);
        _lines = new LineReader(file);
    }

    /// <inheritdoc />
    public ReplayCounters Counters { get; } = new();

    /// <summary>The parser (its counters and merged tickers).</summary>
    public BybitMarketDataParser Parser => _parser;

    /// <summary>
    /// The linear instruments the recording's <c>http</c> lines hold (<c>/v5/market/instruments-info?category=linear</c>
    /// responses). Reads from the top of the file and stops at the first <c>recv</c> line: cryptofeed fetches
    /// instruments before it connects.
    /// </summary>
    public static IReadOnlyList<InstrumentSpec> ReadInstrumentSpecs(string file)
    {
        var specs = new List<InstrumentSpec>();
        using var lines = new LineReader(file);
        while (lines.MoveNext())
        {
            string? t = null, url = null, data = null;
            var r = new Utf8JsonReader(lines.Current);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) continue;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                string name = r.GetString()!;
                r.Read();
                if (r.TokenType == JsonTokenType.String && name is "t" or "url" or "data")
                {
                    string value = r.GetString()!;
                    if (name == "t") t = value;
                    else if (name == "url") url = value;
                    else data = value;
                }
                else if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
            }
            if (t == "recv") break;
            if (t != "http" || url is null || data is null) continue;
            if (!url.Contains("instruments-info", StringComparison.Ordinal) || !url.Contains("category=linear", StringComparison.Ordinal)) continue;
            if (!BybitInstrumentsInfoParser.TryParse(Encoding.UTF8.GetBytes(data), specs, out string? error))
                throw new ReplayFormatException(file, lines.LineNumber, "instruments-info response: " + error);
        }
        return specs;
    }

    /// <inheritdoc />
    public bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_lines.MoveNext()) return false;
        Counters.Lines++;
        var line = _lines.Current;
        if (line.IsEmpty)
        {
            Counters.IgnoredLines++;
            return true;
        }
        string? error;
        try
        {
            error = ReadLine(line, sink);
        }
        catch (JsonException e)
        {
            error = "envelope is not valid JSON: " + e.Message;
        }
        catch (InvalidOperationException e)
        {
            error = "envelope string is not valid UTF-8: " + e.Message; // thrown by CopyString, not by the reader
        }
        if (error is not null)
        {
            if (_policy == ReplayErrorPolicy.Stop) throw new ReplayFormatException(_lines.Path, _lines.LineNumber, error);
            Counters.SkippedLines++;
        }
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private string? ReadLine(ReadOnlySpan<byte> line, IMarketEventSink sink)
    {
        var r = new Utf8JsonReader(line);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return "line is not a JSON object";
        ReadOnlySpan<byte> kind = default, conn = default, addr = default;
        long localNs = 0;
        bool hasTs = false;
        int payloadLength = -1;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueSpan;
            r.Read();
            if (name.SequenceEqual("t"u8)) kind = Text(ref r);
            else if (name.SequenceEqual("conn"u8)) conn = Text(ref r);
            else if (name.SequenceEqual("addr"u8)) addr = Text(ref r);
            else if (name.SequenceEqual("ts"u8)) hasTs = r.TokenType == JsonTokenType.Number && WireNumbers.TryParseSecondsToNs(r.ValueSpan, out localNs);
            else if (name.SequenceEqual("data"u8) && r.TokenType == JsonTokenType.String)
            {
                if (_payload.Length < r.ValueSpan.Length) _payload = new byte[Math.Max(r.ValueSpan.Length, _payload.Length * 2)];
                payloadLength = r.CopyString(_payload); // unescaped bytes are never longer than the escaped text
            }
            else if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
        }

        if (kind.SequenceEqual("connect"u8))
        {
            if (conn.IsEmpty) return "connect line without conn";
            _connections.Add((conn.ToArray(), addr.IndexOf("/public/linear"u8) >= 0));
            Counters.IgnoredLines++;
            return null;
        }
        if (!kind.SequenceEqual("recv"u8))
        {
            if (kind.IsEmpty) return "line has no 't' field";
            Counters.IgnoredLines++; // header, http, send
            return null;
        }
        if (!hasTs) return "recv line without a numeric ts";
        if (payloadLength < 0) return "recv line without a data string";
        int c = FindConnection(conn);
        if (c < 0) return "recv line on a connection that had no connect line";
        if (!_connections[c].Linear)
        {
            Counters.IgnoredLines++; // spot (or another market): not traded
            return null;
        }

        _counting.Target = sink;
        var status = _parser.Parse(_payload.AsSpan(0, payloadLength), localNs, _counting);
        switch (status)
        {
            case WireParseStatus.Ok: return null;
            case WireParseStatus.Ignored: Counters.IgnoredLines++; return null;
            case WireParseStatus.Malformed: return _parser.LastError ?? "malformed message";
            default: Counters.UnknownLines++; return null;
        }
    }

    private int FindConnection(ReadOnlySpan<byte> conn)
    {
        for (int i = 0; i < _connections.Count; i++)
        {
            if (conn.SequenceEqual(_connections[i].Id)) return i;
        }
        return -1;
    }

    private static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String && !r.ValueIsEscaped ? r.ValueSpan : default;
}
