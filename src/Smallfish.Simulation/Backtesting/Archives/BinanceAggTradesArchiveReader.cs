using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Reads a data.binance.vision USD-M <c>aggTrades</c> file
/// (<c>agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker</c>, times in ms, header
/// optional) into one <see cref="TradeEvent"/> per row: trade id = the aggregate id, aggressor = Sell when
/// <c>is_buyer_maker</c> is true. Rows stay in file (id) order.
/// </summary>
public sealed class BinanceAggTradesArchiveReader : CsvArchiveReader
{
    /// <summary>Opens <paramref name="path"/> (zip, gzip or plain CSV).</summary>
    public BinanceAggTradesArchiveReader(string path, ArchiveInstrument instrument)
        : base(path, instrument)
    {
    }

    /// <inheritdoc />
    protected override string? ParseRow(ReadOnlySpan<byte> line, IMarketEventSink sink)
    {
        Span<Range> c = stackalloc Range[7];
        if (ArchiveText.Split(line, c) != 7) return "expected 7 columns (agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker)";
        if (!ArchiveText.TryParseInt64(line[c[0]], out long id)) return "agg_trade_id is not an integer";
        var spec = Instrument.Spec;
        if (!spec.Price.TryParseSteps(line[c[1]], out long price)) return $"price is not on the {spec.Symbol} tick grid {spec.TickSize}";
        if (!spec.Qty.TryParseSteps(line[c[2]], out long qty)) return $"quantity is not on the {spec.Symbol} lot grid {spec.QtyStep}";
        if (!ArchiveText.TryParseMsToNs(line[c[5]], out long ts)) return "transact_time is not integer milliseconds";
        if (!ArchiveText.TryParseBool(line[c[6]], out bool buyerMaker)) return "is_buyer_maker is neither true nor false";
        sink.OnTrade(new TradeEvent(Instrument.SymbolId, ts, ts, price, qty, buyerMaker ? Side.Sell : Side.Buy, id));
        Pushed(ts);
        return null;
    }
}
