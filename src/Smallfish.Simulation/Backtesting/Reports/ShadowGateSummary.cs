using Smallfish.Core.Journal;
using Smallfish.Core.Risk;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>Shadow trades one gate blocked: how many, and what they would have made (does the gate earn its keep?).</summary>
/// <param name="Gate">The blocking gate.</param>
/// <param name="Count">Shadow trades blocked by it.</param>
/// <param name="Resolved">Those whose hypothetical bracket resolved (finite R).</param>
/// <param name="Wins">Resolved ones with R &gt; 0.</param>
/// <param name="AvgR">Mean R of the resolved ones; NaN when none resolved.</param>
public sealed record ShadowGateSummary(GateReason Gate, int Count, int Resolved, int Wins, double AvgR)
{
    /// <summary>Groups shadow trades by gate, in <see cref="GateReason"/> order (deterministic).</summary>
    public static IReadOnlyList<ShadowGateSummary> ByGate(IReadOnlyList<ShadowTrade> shadows)
    {
        ArgumentNullException.ThrowIfNull(shadows);
        var count = new int[256];
        var resolved = new int[256];
        var wins = new int[256];
        var sumR = new double[256];
        foreach (var s in shadows)
        {
            int g = (int)s.BlockedBy;
            count[g]++;
            if (!double.IsFinite(s.RMultiple)) continue;
            resolved[g]++;
            sumR[g] += s.RMultiple;
            if (s.RMultiple > 0) wins[g]++;
        }
        var result = new List<ShadowGateSummary>();
        for (int g = 0; g < count.Length; g++)
        {
            if (count[g] == 0) continue;
            result.Add(new ShadowGateSummary((GateReason)g, count[g], resolved[g], wins[g], resolved[g] == 0 ? double.NaN : sumR[g] / resolved[g]));
        }
        return result;
    }
}
