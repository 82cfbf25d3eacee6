using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Grid;

/// <summary>
/// One closed piece of grid inventory: lots opened by a level and closed by its take-profit, an opposite level or a
/// flatten. Money in quote currency; fees are the entry fees of these lots plus the exit fees.
/// </summary>
/// <param name="Side">Side of the entry (buy = the lots were long).</param>
/// <param name="EntryTicks">Average entry price, ticks.</param>
/// <param name="ExitTicks">Exit fill price, ticks.</param>
/// <param name="Lots">Quantity closed, lots.</param>
/// <param name="GrossPnl">(exit - entry) x lots x tick value, signed by the side.</param>
/// <param name="Fees">Entry and exit fees of these lots (negative = rebate).</param>
/// <param name="NetPnl">GrossPnl - Fees.</param>
/// <param name="OpenedNs">Time of the first entry fill, ns.</param>
/// <param name="ClosedNs">Time of the exit fill, ns.</param>
/// <param name="Exit">How it was closed.</param>
public sealed record GridRoundTrip(
    Side Side,
    decimal EntryTicks,
    long ExitTicks,
    long Lots,
    decimal GrossPnl,
    decimal Fees,
    decimal NetPnl,
    long OpenedNs,
    long ClosedNs,
    GridExitKind Exit)
{
    /// <summary>The round trip as the journal records trades (no R-multiple: a grid level has no stop of its own).</summary>
    public TradeResult ToTradeResult(InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reason = Exit switch
        {
            GridExitKind.TakeProfit => ExitReason.TakeProfit,
            GridExitKind.Flatten => ExitReason.StopLoss,
            _ => ExitReason.Manual,
        };
        return new TradeResult(spec.Symbol, Side, EntryTicks * spec.TickSize, spec.Price.ToDecimal(ExitTicks), spec.Qty.ToDecimal(Lots),
            GrossPnl, Fees, 0m, NetPnl, 0, 0, 0, OpenedNs, ClosedNs, reason, 0);
    }
}
