using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Reads a data.binance.vision USD-M <c>trades</c> file (<c>id,price,qty,quote_qty,time,is_buyer_maker</c>, times in
/// ms, header optional) into one <see cref="TradeEvent"/> per row; aggressor = Sell when <c>is_buyer_maker</c> is true.
/// </summary>
public sealed class BinanceTradesArchiveReader : CsvArchiveReader
{
    /// <summary>Opens <paramref name="path"/> (zip, gzip or plain CSV).</summary>
    public BinanceTradesArchiveReader(string path, ArchiveInstrument instrument)
        : base(path, instrument)
    {
    }

    /// <inheritdoc />
    protected override string? ParseRow(ReadOnlySpan<byte> line, IMarketEventSink sink)
    {
        Span<Range> c = stackalloc Range[6];
        if (ArchiveText.Split(line, c) != 6) return "expected 6 columns (id,price,qty,quote_qty,time,is_buyer_maker)";
        if (!ArchiveText.TryParseInt64(line[c[0]], out long id)) return "id is not an integer";
        var spec = Instrument.Spec;
        if (!spec.Price.TryParseSteps(line[c[1]], out long price)) return $"price is not on the {spec.Symbol} tick grid {spec.TickSize}";
        if (!spec.Qty.TryParseSteps(line[c[2]], out long qty)) return $"qty is not on the {spec.Symbol} lot grid {spec.QtyStep}";
        if (!ArchiveText.TryParseMsToNs(line[c[4]], out long ts)) return "time is not integer milliseconds";
        if (!ArchiveText.TryParseBool(line[c[5]], out bool buyerMaker)) return "is_buyer_maker is neither true nor false";
        sink.OnTrade(new TradeEvent(Instrument.SymbolId, ts, ts, price, qty, buyerMaker ? Side.Sell : Side.Buy, id));
        Pushed(ts);
        return null;
    }
}
