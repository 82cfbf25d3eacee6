namespace Smallfish.Core.Domain;

/// <summary>A completed round trip, as journaled and reported.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long (buy) or short (sell).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="Qty">Largest quantity held.</param>
/// <param name="GrossPnl">P&amp;L before fees and funding, quote currency.</param>
/// <param name="Fees">Fees paid, quote currency.</param>
/// <param name="Funding">Funding paid (positive) or received (negative), quote currency.</param>
/// <param name="NetPnl">GrossPnl - Fees - Funding.</param>
/// <param name="RMultiple">NetPnl divided by the initial risk (|entry - initial stop| x qty).</param>
/// <param name="MaePrice">Maximum adverse excursion in price units (positive).</param>
/// <param name="MfePrice">Maximum favourable excursion in price units (positive).</param>
/// <param name="OpenedNs">Entry time, ns.</param>
/// <param name="ClosedNs">Exit time, ns.</param>
/// <param name="Reason">Why it was closed.</param>
/// <param name="SlippageTicks">Total adverse slippage against intended prices over entry and exits, ticks.</param>
public sealed record TradeResult(
    string Symbol,
    Side Side,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Qty,
    decimal GrossPnl,
    decimal Fees,
    decimal Funding,
    decimal NetPnl,
    double RMultiple,
    decimal MaePrice,
    decimal MfePrice,
    long OpenedNs,
    long ClosedNs,
    ExitReason Reason,
    long SlippageTicks);
