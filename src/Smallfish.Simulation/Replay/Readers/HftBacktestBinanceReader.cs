using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay.Io;
using Smallfish.Wire;
using Smallfish.Wire.Binance;

namespace Smallfish.Simulation.Replay.Readers;

/// <summary>
/// Reads hftbacktest's Binance USD-M collector files: gzip text, one <c>&lt;local_ns&gt; &lt;json&gt;</c> record per
/// line, the JSON being a combined-stream message (<c>@depth</c>, <c>@trade</c>, <c>@bookTicker</c>) or the REST depth
/// snapshot taken at start-up. One session may span several files (the collector rolls files at UTC midnight and only
/// the first holds the snapshot): pass them in order and they are read as one stream.
/// </summary>
public sealed class HftBacktestBinanceReader : IReplayReader
{
    private readonly IReadOnlyList<string> _files;
    private readonly BinanceMarketDataParser _parser;
    private readonly ReplayErrorPolicy _policy;
    private readonly CountingSink _counting;
    private readonly int _symbolId;
    private LineReader? _lines;
    private int _next;

    /// <summary>
    /// Creates a reader over <paramref name="files"/> (read in the given order) of one symbol's session. The symbol,
    /// which the REST snapshot does not name, is <paramref name="symbol"/> or else the file name's prefix before '_'
    /// (<c>btcusdt_20240718.gz</c> is BTCUSDT); it must be registered in <paramref name="symbols"/> and <paramref name="catalog"/>.
    /// </summary>
    public HftBacktestBinanceReader(IReadOnlyList<string> files, SymbolTable symbols, InstrumentCatalog catalog,
        string? symbol = null, ReplayErrorPolicy policy = ReplayErrorPolicy.Stop)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(catalog);
        if (files.Count == 0) throw new ArgumentException("at least one file is needed", nameof(files));
        symbol ??= SymbolFromFileName(files[0]);
        if (!symbols.TryGetId(symbol.AsSpan(), out _symbolId) || !catalog.Contains(symbol))
            throw new ArgumentException($"symbol '{symbol}' must be registered in the symbol table and the instrument catalog", nameof(symbol));
        _files = files;
        _policy = policy;
        _parser = new BinanceMarketDataParser(symbols, catalog);
        _counting = new CountingSink(Counters);
    }

    /// <inheritdoc />
    public ReplayCounters Counters { get; } = new();

    /// <summary>The parser's own totals (unknown events, malformed messages).</summary>
    public WireParserCounters ParserCounters => _parser.Counters;

    /// <summary>The session symbol a file name implies: the part before the first '_', upper-cased.</summary>
    public static string SymbolFromFileName(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        int us = name.IndexOf('_');
        if (us <= 0) throw new ArgumentException($"cannot tell the symbol from the file name '{name}'; pass it explicitly", nameof(path));
        return name[..us].ToUpperInvariant();
    }

    /// <inheritdoc />
    public bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        while (true)
        {
            if (_lines is null)
            {
                if (_next == _files.Count) return false;
                _lines = new LineReader(_files[_next++]);
            }
            if (_lines.MoveNext()) break;
            _lines.Dispose();
            _lines = null;
        }
        Counters.Lines++;
        var line = _lines.Current;
        if (line.IsEmpty)
        {
            Counters.IgnoredLines++;
            return true;
        }
        if (!LinePrefix.TrySplitNs(line, out long localNs, out var json))
        {
            OnMalformed("line does not start with '<local_ns> '");
            return true;
        }
        _counting.Target = sink;
        var status = _parser.Parse(json, localNs, _counting, _symbolId);
        switch (status)
        {
            case WireParseStatus.Ok: break;
            case WireParseStatus.Ignored: Counters.IgnoredLines++; break;
            case WireParseStatus.Malformed: OnMalformed(_parser.LastError ?? "malformed message"); break;
            default: Counters.UnknownLines++; break;
        }
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lines?.Dispose();
        _lines = null;
        _next = _files.Count;
    }

    private void OnMalformed(string reason)
    {
        if (_policy == ReplayErrorPolicy.Stop) throw new ReplayFormatException(_lines!.Path, _lines.LineNumber, reason);
        Counters.SkippedLines++;
    }
}
