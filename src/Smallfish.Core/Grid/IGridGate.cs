using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Grid;

/// <summary>
/// The pre-trade gates as the grid sees them: the engine implements this with its real gates (kill switch, daily loss,
/// funding window, spread, feed latency, book invalid or stale, halted) so that every risk rule of the fusion path also
/// applies to grid orders. What the grid does for each answer is <see cref="GridGatePolicy"/>.
/// </summary>
public interface IGridGate
{
    /// <summary>
    /// The first gate that blocks grid orders of symbol <paramref name="symbolId"/> at <see cref="MarketFeatures.NowNs"/>,
    /// or <see cref="GateReason.Pass"/>. Called on every market update of the symbol: must not allocate, must not throw
    /// to say no, and must keep answering <see cref="GateReason.KillSwitch"/> while the kill switch is tripped.
    /// </summary>
    GateReason Check(int symbolId, in MarketFeatures features);
}
