using System.Diagnostics;
using System.Runtime.CompilerServices;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Risk;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// Measures the cost of the engine's risk decision: <see cref="PreTradeGates.Evaluate"/> on an input that passes every
/// gate (the longest path), then <see cref="PositionSizer.Size"/>. Prints figures; never asserted on time. The target
/// is a few microseconds at most and no allocation.
/// </summary>
public static class RiskGateBenchmark
{
    /// <summary>
    /// Runs <paramref name="decisions"/> decisions (after a warm-up) in five rounds and reports the best round's ns and
    /// bytes per decision.
    /// </summary>
    public static RiskGateBenchmarkResult Run(int decisions = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decisions, 1);
        var spec = new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);
        var risk = new RiskOptions();
        var limits = GateLimits.From(new GatesOptions(), risk);
        const long Now = 1_700_000_000L * 1_000_000_000;
        var input = new GateInput
        {
            NowNs = Now,
            DailyNetR = -1.5,
            BookValid = true,
            LastBookNs = Now - 2_000_000,
            FeedLatencyNs = 5_000_000,
            SpreadTicks = 1,
            FundingDistanceNs = 3_600_000_000_000,
            LastLossNs = Now - 60_000_000_000,
            OpenPositions = 1,
            MarginHeadroom = 50_000m,
            MinOrderNotional = 60m,
        };

        Loop(ref input, limits, spec, risk, Math.Min(decisions, 20_000), sizing: true); // warm-up (tiered JIT)
        Loop(ref input, limits, spec, risk, Math.Min(decisions, 20_000), sizing: false);

        // Best of several rounds: the figure is the cost of the code, not of whatever else the machine is doing.
        const int Rounds = 5;
        int perRound = Math.Max(1, decisions / Rounds);
        double nsPerTick = 1e9 / Stopwatch.Frequency;
        double bestGate = double.MaxValue, bestDecision = double.MaxValue;
        long checksum = 0, allocated = long.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            long t0 = Stopwatch.GetTimestamp();
            checksum += Loop(ref input, limits, spec, risk, perRound, sizing: false);
            long t1 = Stopwatch.GetTimestamp();
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            long t2 = Stopwatch.GetTimestamp();
            checksum += Loop(ref input, limits, spec, risk, perRound, sizing: true);
            long t3 = Stopwatch.GetTimestamp();
            // Least of the rounds: a per-decision allocation shows in every round, a one-off (JIT) does not.
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - bytes0);
            bestGate = Math.Min(bestGate, (t1 - t0) * nsPerTick / perRound);
            bestDecision = Math.Min(bestDecision, (t3 - t2) * nsPerTick / perRound);
        }
        return new RiskGateBenchmarkResult(perRound, bestGate, bestDecision, (double)allocated / perRound, checksum);
    }

    // Fully optimized from the first call: the figure is the steady-state cost, not the tier-0 JIT's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Loop(ref GateInput input, in GateLimits limits, InstrumentSpec spec, RiskOptions risk, int n, bool sizing)
    {
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            input.NowNs += 1_000;
            input.LastBookNs += 1_000;
            input.SpreadTicks = 1 + (i & 1);
            var gate = PreTradeGates.Evaluate(input, limits);
            if (!sizing)
            {
                sum += (long)gate;
                continue;
            }
            if (gate != GateReason.Pass) continue;
            long entry = 600_000 + (i & 63);
            var request = new SizingRequest(10_000m, risk.RiskPerTradePct, 1.0, risk.EquityCapMultiple, 12_000m, Side.Buy, entry, 40 + (i & 7));
            sum += PositionSizer.Size(request, spec).Lots;
        }
        return sum;
    }
}
