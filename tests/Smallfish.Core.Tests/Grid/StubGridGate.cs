using Smallfish.Core.Grid;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Grid;

/// <summary>A gate the test sets by hand (the engine's real gates are another component); blocks on an invalid book.</summary>
internal sealed class StubGridGate : IGridGate
{
    public GateReason Reason { get; set; } = GateReason.Pass;

    public int Checks { get; private set; }

    public GateReason Check(int symbolId, in MarketFeatures features)
    {
        Checks++;
        if (Reason != GateReason.Pass) return Reason;
        return features.IsBookValid ? GateReason.Pass : GateReason.BookInvalid;
    }
}
