using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay.Io;
using Smallfish.Wire.Text;

namespace Smallfish.Simulation.Replay.Readers;

/// <summary>
/// Reads Binance's public futures bookTicker archive CSV (data.binance.vision layout, optionally gzip-compressed):
/// header <c>update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time</c>, times in
/// ms, one <see cref="BboEvent"/> per row. The archive has no local receive time, so <see cref="BboEvent.LocalTsNs"/>
/// is the event time too; <see cref="BboEvent.ExchTsNs"/> is the event time, as for the WebSocket bookTicker.
/// </summary>
public sealed class BinanceBookTickerCsvReader : IReplayReader
{
    private const int Columns = 7;
    private static readonly byte[] Header = "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time"u8.ToArray();

    private readonly LineReader _lines;
    private readonly InstrumentSpec _spec;
    private readonly int _symbolId;
    private readonly ReplayErrorPolicy _policy;

    /// <summary>
    /// Creates a reader for one symbol's file: <paramref name="symbol"/>, or the file name's prefix before '-'
    /// (<c>BTCUSDT-bookTicker-2023-10-02.csv</c> is BTCUSDT), registered in <paramref name="symbols"/> and <paramref name="catalog"/>.
    /// </summary>
    public BinanceBookTickerCsvReader(string file, SymbolTable symbols, InstrumentCatalog catalog, string? symbol = null,
        ReplayErrorPolicy policy = ReplayErrorPolicy.Stop)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(catalog);
        if (symbol is null)
        {
            string name = Path.GetFileName(file);
            int dash = name.IndexOf('-');
            if (dash <= 0) throw new ArgumentException($"cannot tell the symbol from the file name '{name}'; pass it explicitly", nameof(symbol));
            symbol = name[..dash].ToUpperInvariant();
        }
        if (!symbols.TryGetId(symbol.AsSpan(), out _symbolId) || !catalog.TryGet(symbol, out var spec))
            throw new ArgumentException($"symbol '{symbol}' must be registered in the symbol table and the instrument catalog", nameof(symbol));
        _spec = spec;
        _policy = policy;
        _lines = new LineReader(file);
    }

    /// <inheritdoc />
    public ReplayCounters Counters { get; } = new();

    /// <inheritdoc />
    public bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_lines.MoveNext()) return false;
        Counters.Lines++;
        var line = _lines.Current;
        if (line.IsEmpty || (_lines.LineNumber == 1 && line.SequenceEqual(Header)))
        {
            Counters.IgnoredLines++;
            return true;
        }
        string? error = TryRead(line, out var bbo);
        if (error is null)
        {
            Counters.Bbos++;
            sink.OnBbo(bbo);
        }
        else if (_policy == ReplayErrorPolicy.Stop)
        {
            throw new ReplayFormatException(_lines.Path, _lines.LineNumber, error);
        }
        else
        {
            Counters.SkippedLines++;
        }
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private string? TryRead(ReadOnlySpan<byte> line, out BboEvent bbo)
    {
        bbo = default;
        Span<Range> cells = stackalloc Range[Columns];
        int count = 0, start = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != (byte)',') continue;
            if (count == Columns) return $"expected {Columns} comma-separated columns";
            cells[count++] = new Range(start, i);
            start = i + 1;
        }
        if (count != Columns) return $"expected {Columns} comma-separated columns";
        if (!WireNumbers.TryParseInt64(line[cells[0]], out long updateId)) return "update_id is not an integer";
        if (!_spec.Price.TryParseSteps(line[cells[1]], out long bid) || !_spec.Price.TryParseSteps(line[cells[3]], out long ask) || bid <= 0 || ask <= 0)
            return "price is not a positive number on the instrument's tick grid";
        if (!_spec.Qty.TryParseSteps(line[cells[2]], out long bidQty) || !_spec.Qty.TryParseSteps(line[cells[4]], out long askQty) || bidQty < 0 || askQty < 0)
            return "size is not a non-negative number on the instrument's lot grid";
        if (!WireNumbers.TryParseInt64(line[cells[5]], out long transactionMs) || !WireNumbers.TryParseInt64(line[cells[6]], out long eventMs)
            || !WireNumbers.IsTimeMs(transactionMs) || !WireNumbers.IsTimeMs(eventMs))
            return "transaction_time or event_time is not a time in ms since the epoch";
        long ns = WireNumbers.MsToNs(eventMs);
        bbo = new BboEvent(_symbolId, ns, ns, updateId, bid, bidQty, ask, askQty);
        return null;
    }
}
