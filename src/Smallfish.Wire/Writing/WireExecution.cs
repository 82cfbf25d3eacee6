using Smallfish.Core.Domain;

namespace Smallfish.Wire.Writing;

/// <summary>One execution of an order, on the tick/lot grid: the input of the fill writers.</summary>
/// <param name="TradeId">Numeric trade id (Binance <c>t</c>).</param>
/// <param name="ExecId">Execution id as text (Bybit <c>execId</c>).</param>
/// <param name="PriceTicks">Fill price in ticks.</param>
/// <param name="QtyLots">Fill quantity in lots.</param>
/// <param name="Fee">Fee in quote currency (negative = rebate).</param>
/// <param name="FeeRate">Fee rate as a fraction.</param>
/// <param name="IsMaker">True when the order provided liquidity.</param>
/// <param name="TimeMs">Fill time, ms since the Unix epoch.</param>
/// <param name="ClosedLots">Lots of the fill that reduced a position.</param>
/// <param name="RealizedPnl">P&amp;L realized by the fill, quote currency, before fees.</param>
/// <param name="Seq">Cross sequence shared with the position update (Bybit <c>seq</c>).</param>
/// <param name="MarkPriceTicks">Mark price at the fill, ticks (0 when unknown).</param>
public readonly record struct WireExecution(
    long TradeId,
    string ExecId,
    long PriceTicks,
    long QtyLots,
    decimal Fee,
    decimal FeeRate,
    bool IsMaker,
    long TimeMs,
    long ClosedLots,
    decimal RealizedPnl,
    long Seq,
    long MarkPriceTicks);
