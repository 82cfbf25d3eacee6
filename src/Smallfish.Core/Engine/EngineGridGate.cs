using Smallfish.Core.Grid;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Engine;

/// <summary>The engine's risk gates as the grid sees them (<see cref="IGridGate"/>): see <see cref="TradingEngine"/>'s grid gate.</summary>
internal sealed class EngineGridGate(TradingEngine engine) : IGridGate
{
    /// <inheritdoc />
    public GateReason Check(int symbolId, in MarketFeatures features) => engine.CheckGridGate(symbolId, features);
}
