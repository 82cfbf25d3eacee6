using System.Globalization;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>What <see cref="RiskGateBenchmark.Run"/> measured.</summary>
/// <param name="Decisions">Decisions timed per round for each of the two measurements.</param>
/// <param name="GateNsPerDecision">Wall-clock ns per call of the pre-trade gates alone (best round).</param>
/// <param name="DecisionNsPerDecision">Wall-clock ns per full risk decision: gates, then sizing when they pass (best round).</param>
/// <param name="BytesPerDecision">Managed bytes allocated per full risk decision, least round (0 is the target).</param>
/// <param name="Checksum">Sum of the sized lots, so the work cannot be optimized away.</param>
public sealed record RiskGateBenchmarkResult(long Decisions, double GateNsPerDecision, double DecisionNsPerDecision, double BytesPerDecision, long Checksum)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"risk gate: {GateNsPerDecision:0.0} ns/decision (gates), {DecisionNsPerDecision:0.0} ns/decision (gates + sizing), {BytesPerDecision:0.###} B/decision over {Decisions:N0} decisions");
}
