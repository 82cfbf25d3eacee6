using Smallfish.Core.Risk;

namespace Smallfish.Core.Grid;

/// <summary>
/// The engine's pre-trade gates (<see cref="PreTradeGates"/>) as they apply to grid orders, for the engine's
/// <see cref="IGridGate"/>: every account, data-quality and market gate in the same order (halted, kill switch, daily
/// loss, book invalid or stale, feed latency, spread, funding window, cooldown, margin), without the scalper's capacity
/// gates. The grid's inventory is not a bracketed position (its own cap and stop bound it), and its level orders are not
/// an entry in flight, so <see cref="GateReason.PositionOpen"/>, <see cref="GateReason.EntryWorking"/> and
/// <see cref="GateReason.MaxConcurrentPositions"/> never block it.
/// </summary>
public static class GridGates
{
    /// <summary>
    /// Evaluates <paramref name="input"/> (filled by the engine as for an entry of the symbol; set
    /// <see cref="GateInput.MinOrderNotional"/> to the notional of one level order) against <paramref name="limits"/>.
    /// </summary>
    public static GateReason Evaluate(GateInput input, in GateLimits limits)
    {
        input.PositionOpen = false;
        input.EntryWorking = false;
        input.OpenPositions = 0;
        return PreTradeGates.Evaluate(input, limits);
    }
}
