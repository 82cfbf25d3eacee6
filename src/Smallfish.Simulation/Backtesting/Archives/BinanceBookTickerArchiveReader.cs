using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Reads a data.binance.vision USD-M <c>bookTicker</c> file
/// (<c>update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time</c>, ms, header
/// optional) into one <see cref="BboEvent"/> per row, timed by <c>event_time</c> as the WebSocket bookTicker is.
/// (The replay branch has a path-based reader of the same CSV; this one reads any <see cref="ArchiveFile"/> wrapping,
/// including the archive's zip.)
/// </summary>
public sealed class BinanceBookTickerArchiveReader : CsvArchiveReader
{
    /// <summary>Opens <paramref name="path"/> (zip, gzip or plain CSV).</summary>
    public BinanceBookTickerArchiveReader(string path, ArchiveInstrument instrument)
        : base(path, instrument)
    {
    }

    /// <inheritdoc />
    protected override string? ParseRow(ReadOnlySpan<byte> line, IMarketEventSink sink)
    {
        Span<Range> c = stackalloc Range[7];
        if (ArchiveText.Split(line, c) != 7) return "expected 7 columns (update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time)";
        if (!ArchiveText.TryParseInt64(line[c[0]], out long updateId)) return "update_id is not an integer";
        var spec = Instrument.Spec;
        if (!spec.Price.TryParseSteps(line[c[1]], out long bid) || !spec.Price.TryParseSteps(line[c[3]], out long ask))
            return $"a price is not on the {spec.Symbol} tick grid {spec.TickSize}";
        if (!spec.Qty.TryParseSteps(line[c[2]], out long bidQty) || !spec.Qty.TryParseSteps(line[c[4]], out long askQty))
            return $"a size is not on the {spec.Symbol} lot grid {spec.QtyStep}";
        if (!ArchiveText.TryParseMsToNs(line[c[5]], out _) || !ArchiveText.TryParseMsToNs(line[c[6]], out long ts))
            return "transaction_time or event_time is not integer milliseconds";
        sink.OnBbo(new BboEvent(Instrument.SymbolId, ts, ts, updateId, bid, bidQty, ask, askQty));
        Pushed(ts);
        return null;
    }
}
