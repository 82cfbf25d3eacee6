using Smallfish.Core.Domain;
using Smallfish.Core.Time;

namespace Smallfish.Remote.Handling;

/// <summary>A closed round trip as shown by <c>/trades</c>.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long (buy) or short (sell).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="Qty">Largest quantity held.</param>
/// <param name="NetPnl">P&amp;L after fees and funding, quote currency.</param>
/// <param name="RMultiple">Net P&amp;L in units of initial risk.</param>
/// <param name="Reason">Why it was closed.</param>
/// <param name="ClosedAt">Exit time.</param>
public sealed record TradeView(string Symbol, Side Side, decimal EntryPrice, decimal ExitPrice, decimal Qty, decimal NetPnl,
    double RMultiple, ExitReason Reason, DateTimeOffset ClosedAt)
{
    /// <summary>The view of a journaled <see cref="TradeResult"/>.</summary>
    public static TradeView From(TradeResult trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new TradeView(trade.Symbol, trade.Side, trade.EntryPrice, trade.ExitPrice, trade.Qty, trade.NetPnl, trade.RMultiple,
            trade.Reason, TimeProviderExtensions.FromUnixNs(trade.ClosedNs));
    }
}
