using Smallfish.Backtest.Reports;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Backtest.Tests.Reports;

public class PublisherTests
{
    private static SignalResearchResult Study()
    {
        var study = new SignalResearch();
        var rng = new Random(5);
        double mid = 100;
        var scores = new double[13];
        var active = new bool[13];
        for (int i = 0; i < 600; i++)
        {
            mid *= 1 + ((rng.NextDouble() - 0.5) * 0.001);
            for (int s = 0; s < 13; s++)
            {
                scores[s] = (rng.NextDouble() * 2) - 1;
                active[s] = Math.Abs(scores[s]) > 0.3;
            }
            study.Add(i * 100_000_000L, mid, scores, active);
        }
        return study.Complete();
    }

    [Test]
    public void Publish_WithOutDirectoryAndCharts_WritesFilesAndNamesThem()
    {
        using var dir = new TempDir();
        var console = new RecordingConsole(80);
        var written = BacktestReportPublisher.Publish(console.Console, ReportSamples.Sweep(), new ReportOutputOptions { OutDirectory = dir.Path, Charts = true }, Study());
        Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "summary.json", "trades.csv", "equity.csv", "signals.json" }));
        Assert.That(written.All(File.Exists));
        Assert.That(console.Text, Does.Contain("wrote ").And.Contain("signal research").And.Contain("equity"));
        Assert.That(console.Lines.Where(l => l.Length > 80), Is.Empty);
    }

    [Test]
    public void PublishSignals_SyntheticStudy_BannerTableAndJson()
    {
        using var dir = new TempDir();
        var console = new RecordingConsole(80);
        var written = BacktestReportPublisher.PublishSignals(console.Console, Study(), dir.Path, synthetic: true);
        Assert.That(Path.GetFileName(written.Single()), Is.EqualTo("signals.json"));
        Assert.That(console.Text, Does.Contain("SYNTHETIC DATA").And.Contain("IC 30s").And.Contain("ABSORB").And.Contain("600 samples"));
        Assert.That(console.Lines.Where(l => l.Length > 80), Is.Empty);
    }
}
