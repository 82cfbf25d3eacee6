namespace Smallfish.Wire.Writing;

/// <summary>One one-way position as the position writers need it.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="NetLots">Signed size in lots (positive = long, 0 = flat).</param>
/// <param name="EntryPrice">Average entry price (0 when flat).</param>
/// <param name="MarkPrice">Mark price.</param>
/// <param name="Leverage">Leverage.</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L at the mark, quote currency.</param>
/// <param name="CurRealizedPnl">P&amp;L realized since the position opened, net of fees.</param>
/// <param name="CumRealizedPnl">P&amp;L realized over the symbol's life, net of fees.</param>
/// <param name="InitialMargin">Position initial margin.</param>
/// <param name="MaintenanceMargin">Position maintenance margin.</param>
/// <param name="TakeProfitTicks">Position take-profit trigger in ticks (0 = none).</param>
/// <param name="StopLossTicks">Position stop-loss trigger in ticks (0 = none).</param>
/// <param name="CreatedMs">Time the symbol's position record was created, ms.</param>
/// <param name="UpdatedMs">Last change, ms.</param>
/// <param name="Seq">Cross sequence shared with executions.</param>
public readonly record struct WirePosition(
    string Symbol,
    long NetLots,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal Leverage,
    decimal UnrealizedPnl,
    decimal CurRealizedPnl,
    decimal CumRealizedPnl,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    long TakeProfitTicks,
    long StopLossTicks,
    long CreatedMs,
    long UpdatedMs,
    long Seq);
