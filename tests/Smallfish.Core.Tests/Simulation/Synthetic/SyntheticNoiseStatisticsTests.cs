using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>
/// The background stays inside the bands documented in docs/synthetic.md, which bracket the real Binance BTCUSDT
/// figures in shared/data/real/hftbacktest-binance-usdm (see <see cref="SyntheticBackgroundOptions"/>).
/// </summary>
public class SyntheticNoiseStatisticsTests
{
    private const double Second = 1e9;

    private static double Quantile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[(int)Math.Round((sorted.Length - 1) * p)];
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Noise_TradeRateAndSizes_StayInTheDocumentedBand(long seed)
    {
        var run = SyntheticRuns.NoiseOnly(seed);
        var trades = run.Recorder.Trades;
        double seconds = run.Generator.Options.Duration.TotalSeconds;
        var qty = trades.Select(t => run.Qty(t.QtyLots)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(trades.Count / seconds, Is.InRange(28.0, 48.0), "prints per second (real 32-62)");
            Assert.That(trades.Select(t => t.TsNs).Distinct().Count() / seconds, Is.InRange(10.0, 17.0), "distinct trade ms per second (real 10-15)");
            Assert.That(Quantile(qty, 0.5), Is.InRange(0.010, 0.022), "median print (real 0.013-0.016)");
            Assert.That(Quantile(qty, 0.9), Is.InRange(0.12, 0.30), "p90 print (real 0.23-0.27)");
            Assert.That(Quantile(qty, 0.99), Is.InRange(0.8, 2.5), "p99 print (real 1.1-1.7)");
            Assert.That(qty.Average(), Is.InRange(0.06, 0.15), "mean print (real 0.11)");
            Assert.That(trades.Count(t => t.Aggressor == Side.Buy) / (double)trades.Count, Is.InRange(0.45, 0.55));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Noise_SpreadTouchAndMid_StayInTheDocumentedBand(long seed)
    {
        var run = SyntheticRuns.NoiseOnly(seed);
        var states = run.Recorder.States;
        double oneTick = 0, twoTicks = 0, total = 0;
        for (int i = 0; i + 1 < states.Count; i++)
        {
            double dt = states[i + 1].TsNs - states[i].TsNs;
            total += dt;
            if (states[i].Spread == 1) oneTick += dt;
            if (states[i].Spread <= 2) twoTicks += dt;
        }
        int midChanges = 0;
        for (int i = 1; i < states.Count; i++) if (states[i].Bid + states[i].Ask != states[i - 1].Bid + states[i - 1].Ask) midChanges++;
        double seconds = run.Generator.Options.Duration.TotalSeconds;

        // One-second mid changes against the configured volatility.
        var perSecond = new List<double>();
        double prev = double.NaN;
        for (long t = run.Generator.StartNs; t < run.Generator.EndNs; t += (long)Second)
        {
            double mid = run.Recorder.StateAt(t).Mid;
            if (!double.IsNaN(prev)) perSecond.Add(mid - prev);
            prev = mid;
        }
        double rms = Math.Sqrt(perSecond.Average(d => d * d));
        double sigma = run.Generator.Options.Background.SigmaTicksPerSqrtSecond;

        Assert.Multiple(() =>
        {
            Assert.That(oneTick / total, Is.GreaterThanOrEqualTo(0.95), "time at a 1-tick spread (real 94-97.5% of quote updates)");
            Assert.That(twoTicks / total, Is.GreaterThanOrEqualTo(0.97), "time at a spread of at most 2 ticks");
            Assert.That(Quantile(states.Select(s => run.Qty(s.BidLots)), 0.5), Is.InRange(1.5, 6.0), "median best bid size (real 2.7-8.7)");
            Assert.That(midChanges / seconds, Is.InRange(3.0, 9.0), "mid changes per second (real 3.1-5.9)");
            Assert.That(rms / sigma, Is.InRange(0.65, 1.35), $"1 s mid change rms {rms:F1} vs sigma {sigma:F1} ticks");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Noise_BookActivityNearTheTouch_StaysInTheDocumentedBand(long seed)
    {
        var run = SyntheticRuns.NoiseOnly(seed);
        double seconds = run.Generator.Options.Duration.TotalSeconds;
        int near = run.Recorder.Changes.Count(c => Math.Abs(c.DistanceAfter) <= 20);
        Assert.That(near / seconds, Is.InRange(40.0, 130.0), "level changes per second within 20 ticks of the touch (real 59-63)");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Noise_NeverSweepsAsManyLevelsAsASweepEpisode(long seed)
    {
        // Background takers and quote moves walk at most a few levels, so a Sweep (8+ levels at intensity 1) stands out.
        var trades = SyntheticRuns.NoiseOnly(seed).Recorder.Trades;
        int widest = trades.GroupBy(t => (t.TsNs / 5_000_000, t.Aggressor)).Max(g => g.Select(t => t.PriceTicks).Distinct().Count());
        Assert.That(widest, Is.LessThan(8));
    }
}
