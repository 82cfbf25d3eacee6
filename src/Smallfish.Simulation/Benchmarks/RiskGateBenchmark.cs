using System.Diagnostics;
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
    /// <summary>Runs <paramref name="decisions"/> decisions (after a warm-up) and reports ns and bytes per decision.</summary>
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

        long t0 = Stopwatch.GetTimestamp();
        long gateChecksum = Loop(ref input, limits, spec, risk, decisions, sizing: false);
        long t1 = Stopwatch.GetTimestamp();
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        long t2 = Stopwatch.GetTimestamp();
        long checksum = Loop(ref input, limits, spec, risk, decisions, sizing: true);
        long t3 = Stopwatch.GetTimestamp();
        long bytes1 = GC.GetAllocatedBytesForCurrentThread();

        double nsPerTick = 1e9 / Stopwatch.Frequency;
        return new RiskGateBenchmarkResult(
            decisions,
            (t1 - t0) * nsPerTick / decisions,
            (t3 - t2) * nsPerTick / decisions,
            (double)(bytes1 - bytes0) / decisions,
            checksum + gateChecksum);
    }

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
