using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay.Io;
using Smallfish.Wire;
using Smallfish.Wire.Binance;

namespace Smallfish.Simulation.Replay.Readers;

/// <summary>
/// Reads cryptofeed's raw Binance USD-M recording: a WebSocket file whose first line is <c>&lt;url&gt; &lt;-&gt; &lt;time&gt;</c>
/// and whose other lines are <c>&lt;local_seconds&gt;: &lt;combined-stream json&gt;</c>, merged by local receive time
/// with the companion HTTP file of REST depth snapshots, one per line as <c>&lt;url&gt; -&gt; &lt;local_seconds&gt;: &lt;json&gt;</c>
/// (the snapshot's symbol comes from the URL's <c>symbol=</c>). On equal times the WebSocket line goes first.
/// </summary>
public sealed class CryptofeedBinanceReader : IReplayReader
{
    private readonly BinanceMarketDataParser _parser;
    private readonly SymbolTable _symbols;
    private readonly ReplayErrorPolicy _policy;
    private readonly CountingSink _counting;
    private readonly Source _ws;
    private readonly Source? _http;

    /// <summary>Creates a reader over <paramref name="wsFile"/> and, when given, the snapshots in <paramref name="httpFile"/>.</summary>
    public CryptofeedBinanceReader(string wsFile, string? httpFile, SymbolTable symbols, InstrumentCatalog catalog,
        ReplayErrorPolicy policy = ReplayErrorPolicy.Stop)
    {
        ArgumentNullException.ThrowIfNull(wsFile);
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        _parser = new BinanceMarketDataParser(symbols, catalog);
        _policy = policy;
        _counting = new CountingSink(Counters);
        _ws = new Source(new LineReader(wsFile), isHttp: false);
        try
        {
            if (httpFile is not null) _http = new Source(new LineReader(httpFile), isHttp: true);
        }
        catch
        {
            _ws.Lines.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ReplayCounters Counters { get; } = new();

    /// <summary>The parser's own totals.</summary>
    public WireParserCounters ParserCounters => _parser.Counters;

    /// <inheritdoc />
    public bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Fill(_ws);
        if (_http is not null) Fill(_http);
        Source? pick = _ws.Pending ? _ws : null;
        if (_http is { Pending: true } && (pick is null || _http.LocalNs < pick.LocalNs)) pick = _http;
        if (pick is null) return false;
        pick.Pending = false;

        var line = pick.Lines.Current;
        int snapshotSymbol = -1;
        if (pick.IsHttp && !TryHttpSymbol(line, out snapshotSymbol))
        {
            Counters.UnknownLines++;
            return true;
        }
        _counting.Target = sink;
        var status = _parser.Parse(line[pick.JsonStart..], pick.LocalNs, _counting, snapshotSymbol);
        switch (status)
        {
            case WireParseStatus.Ok: break;
            case WireParseStatus.Ignored: Counters.IgnoredLines++; break;
            case WireParseStatus.Malformed: OnMalformed(pick, _parser.LastError ?? "malformed message"); break;
            default: Counters.UnknownLines++; break;
        }
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ws.Lines.Dispose();
        _http?.Lines.Dispose();
    }

    // Advances a source to its next data line (counting and passing over headers and blank lines) unless one is pending.
    private void Fill(Source s)
    {
        while (!s.Pending && !s.Done)
        {
            if (!s.Lines.MoveNext())
            {
                s.Done = true;
                return;
            }
            Counters.Lines++;
            var line = s.Lines.Current;
            if (line.IsEmpty || (!s.IsHttp && s.Lines.LineNumber == 1 && line.IndexOf(" <-> "u8) > 0))
            {
                Counters.IgnoredLines++; // blank line, or the "<ws url> <-> <connect time>" header
                continue;
            }
            int offset = 0;
            if (s.IsHttp)
            {
                int arrow = line.IndexOf(" -> "u8);
                if (arrow <= 0)
                {
                    OnMalformed(s, "snapshot line is not '<url> -> <local_seconds>: <json>'");
                    continue;
                }
                offset = arrow + 4;
            }
            if (!LinePrefix.TrySplitSeconds(line[offset..], out long ns, out var json))
            {
                OnMalformed(s, "line does not carry '<local_seconds>: ' before its JSON");
                continue;
            }
            s.LocalNs = ns;
            s.JsonStart = line.Length - json.Length;
            s.Pending = true;
        }
    }

    private bool TryHttpSymbol(ReadOnlySpan<byte> line, out int id)
    {
        id = -1;
        int arrow = line.IndexOf(" -> "u8);
        var url = line[..arrow];
        int at = url.IndexOf("symbol="u8);
        if (at < 0) return false;
        var rest = url[(at + "symbol=".Length)..];
        int amp = rest.IndexOf((byte)'&');
        return _symbols.TryGetId(amp >= 0 ? rest[..amp] : rest, out id);
    }

    private void OnMalformed(Source s, string reason)
    {
        if (_policy == ReplayErrorPolicy.Stop) throw new ReplayFormatException(s.Lines.Path, s.Lines.LineNumber, reason);
        Counters.SkippedLines++;
    }

    private sealed class Source
    {
        public Source(LineReader lines, bool isHttp)
        {
            Lines = lines;
            IsHttp = isHttp;
        }

        public LineReader Lines { get; }

        public bool IsHttp { get; }

        public bool Pending;
        public bool Done;
        public long LocalNs;
        public int JsonStart;
    }
}
