using Smallfish.Backtest.Data;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Benchmarks;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;

namespace Smallfish.Backtest.Tests.Runner;

public class SessionTests
{
    [Test]
    public void Run_TwoRecordedWindowsThreeWeeksApart_TwoFlatSessionsWithAChainedEquityCurve()
    {
        using var dir = new TempDir();
        var spec = StreamPlanner.Plan("BTCUSDT", ExchangeName.Binance, RealStreams.HftBacktestFiles("BTCUSDT"), RealStreams.Btc, ReplayErrorPolicy.Stop);
        var entry = new EventCache(dir.Path).GetOrBuild(spec, RealStreams.Opener(RealStreams.Btc));

        var result = BacktestRunner.Run(BacktestRunnerTests.Request(() => entry.Open()));

        var report = result.Reports.Single();
        const long Hour = 3_600_000_000_000L;
        var august = new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000L;
        Assert.Multiple(() =>
        {
            Assert.That(result.Sessions, Is.EqualTo(2));
            Assert.That(report.Statistics.Events, Is.EqualTo(entry.Manifest.Counts.Total));
            Assert.That(report.Trades.Where(t => t.ClosedNs < august), Is.Not.Empty, "the July session traded");
            Assert.That(report.Trades.Where(t => t.OpenedNs > august), Is.Not.Empty, "the August session traded");
            Assert.That(report.Trades.All(t => t.ClosedNs - t.OpenedNs < Hour), Is.True, "no position is carried through the three-week hole");
            Assert.That(report.Equity.Zip(report.Equity.Skip(1)).All(p => p.First.TsNs < p.Second.TsNs), Is.True, "one time-ordered curve");
        });
        var lastJuly = report.Equity.Last(p => p.TsNs < august);
        var firstAugust = report.Equity.First(p => p.TsNs > august);
        Assert.That(firstAugust.Equity, Is.EqualTo(lastJuly.Equity), "the August session starts flat where the July session's equity ended");
        Assume.That(result.OpenPositions, Is.Zero);
        Assert.That(report.Equity[^1].Equity, Is.EqualTo(1000m + report.Trades.Sum(t => t.NetPnl)));
    }
    [Test]
    public void Run_EventAfterADataGapLandsExactlyOnATimerPoint_TicksAndFinishes()
    {
        using var dir = new TempDir();
        var entry = new EventCache(dir.Path).GetOrBuild(RealStreams.JulySession(RealStreams.Btc), RealStreams.Opener(RealStreams.Btc));
        long first = entry.Manifest.FirstTsNs, last = entry.Manifest.LastTsNs;
        const long Step = 100_000_000L, Hour = 3_600_000_000_000L;
        // RepeatedSource shifts the second copy by (lastNs - firstNs + 1 h); choose lastNs so the shift is a whole number
        // of timer steps: the second copy's first event then sits exactly on a timer grid point, after a 1 h gap.
        long shift = (last - first + Hour + Step - 1) / Step * Step;
        var request = BacktestRunnerTests.Request(() => new RepeatedSource(() => entry.Open(), 2, first, first + shift - Hour)) with
        {
            SessionGapNs = long.MaxValue,
        };

        var result = BacktestRunner.Run(request);

        Assert.Multiple(() =>
        {
            Assert.That(result.Events, Is.EqualTo(2 * entry.Manifest.Counts.Total));
            Assert.That(result.Reports.Single().Trades.Count(t => t.OpenedNs > first + shift), Is.GreaterThan(0), "the timer runs after the gap");
        });
    }
}
