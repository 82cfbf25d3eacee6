using Smallfish.Backtest.Reports;
using Smallfish.Backtest.Tests.TestSupport;
using Spectre.Console;

namespace Smallfish.Backtest.Tests.Reports;

public class TerminalReportTests
{
    [Test]
    public void Render_SweepOfFourProfilesTwoSymbols_FitsEightyColumns()
    {
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, ReportSamples.Sweep());
        Assert.That(console.Lines.Where(l => l.Length > 80), Is.Empty);
        Assert.That(console.Text, Does.Not.Contain(TerminalReport.SyntheticBanner));
    }

    [Test]
    public void Render_Sweep_ProfilesSideBySideInCautionOrderAndSymbolsSorted()
    {
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, ReportSamples.Sweep());
        string text = console.Text;
        string header = console.Lines.First(l => l.Contains("metric", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(header.IndexOf("conservative", StringComparison.Ordinal), Is.LessThan(header.IndexOf("balanced", StringComparison.Ordinal)));
            Assert.That(header.IndexOf("aggressive", StringComparison.Ordinal), Is.LessThan(header.IndexOf("ultra", StringComparison.Ordinal)));
            Assert.That(text.IndexOf("BTCUSDT", StringComparison.Ordinal), Is.LessThan(text.IndexOf("ETHUSDT", StringComparison.Ordinal)));
            Assert.That(text, Does.Contain("Sharpe (1m, ann.)"));
            Assert.That(text, Does.Contain("maker fill %"));
        });
    }

    [Test]
    public void Render_KnownRun_ShowsItsFigures()
    {
        // five trades: -12.50, +20.25, +20.25, -12.50, +20.25 -> net 35.75, win rate 60 %, PF 60.75 / 25 = 2.43
        var trades = Enumerable.Range(0, 5).Select(i => ReportSamples.Trade(i % 3 == 0 ? -12.5m : 20.25m, 1, i)).ToList();
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, [ReportSamples.Run("BTCUSDT", "balanced", trades, shadows: 3)]);
        string Row(string label) => console.Lines.First(l => l.Contains(label, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Row("net P&L"), Does.Contain("35.75"));
            Assert.That(Row("win rate"), Does.Contain("60.0"));
            Assert.That(Row("profit factor"), Does.Contain("2.43"));
            Assert.That(Row("maker fill"), Does.Contain("80.0"));
            Assert.That(Row("events"), Does.Contain("123456"));
            Assert.That(Row("from (UTC)"), Does.Contain("2024-07-19 00:00:00"));
        });
    }

    [Test]
    public void Render_ShadowTrades_GroupedByGate()
    {
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, [ReportSamples.Run("BTCUSDT", "balanced", [], shadows: 3)]);
        var spread = console.Lines.Single(l => l.Contains("spread_too_wide", StringComparison.Ordinal));
        var cooldown = console.Lines.Single(l => l.Contains("cooldown", StringComparison.Ordinal));
        // shadows 0 and 2 are spread (R -1.0 and 1.5), 1 is cooldown (R 1.5)
        Assert.That(spread, Does.Contain(" 2 ").And.Contain("50.0").And.Contain("0.25"));
        Assert.That(cooldown, Does.Contain("100.0").And.Contain("1.50"));
    }

    [Test]
    public void Render_NoTradesNoShadows_UndefinedShownAsNa()
    {
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, [ReportSamples.Run("BTCUSDT", "balanced", [])]);
        Assert.That(console.Lines.First(l => l.Contains("profit factor", StringComparison.Ordinal)), Does.Contain("n/a"));
        Assert.That(console.Text, Does.Contain("no shadow trades"));
    }

    [Test]
    public void Render_SyntheticRun_BannerFirst()
    {
        var console = new RecordingConsole(80);
        TerminalReport.Render(console.Console, ReportSamples.Sweep(synthetic: true));
        int banner = console.Text.IndexOf(TerminalReport.SyntheticBanner, StringComparison.Ordinal);
        Assert.That(banner, Is.GreaterThanOrEqualTo(0));
        Assert.That(banner, Is.LessThan(console.Text.IndexOf("BTCUSDT", StringComparison.Ordinal)));
        Assert.That(console.Lines.Where(l => l.Length > 80), Is.Empty);
    }

    [Test]
    public void Render_SameRunsTwice_IdenticalText()
    {
        var a = new RecordingConsole(80);
        var b = new RecordingConsole(80);
        TerminalReport.Render(a.Console, ReportSamples.Sweep());
        TerminalReport.Render(b.Console, ReportSamples.Sweep());
        Assert.That(b.Text, Is.EqualTo(a.Text));
    }

    [Test]
    public void Charts_NoColors_BlockCharactersWithinEightyColumns()
    {
        var console = new RecordingConsole(80);
        var run = ReportSamples.Sweep()[0];
        TerminalCharts.Render(console.Console, run);
        Assert.Multiple(() =>
        {
            Assert.That(console.Lines.Where(l => l.Length > 80), Is.Empty);
            Assert.That(console.Text, Does.Contain("█").And.Contain("▒").And.Contain("─"));
            Assert.That(console.Text, Does.Contain("P&L per trade").And.Contain("equity").And.Contain("signal weights"));
            Assert.That(console.Text, Does.Contain("OBI").And.Contain("ABSORB"));
        });
    }

    [Test]
    public void Charts_TrueColor_CanvasPixelsAreColored()
    {
        var console = new RecordingConsole(80, ColorSystemSupport.TrueColor);
        TerminalCharts.Render(console.Console, ReportSamples.Sweep()[0]);
        // named palette colors are written as their palette numbers: green 2, red 9, grey 8 (the zero axis)
        Assert.That(console.Text, Does.Contain("\u001b[48;5;2m"), "green background pixels (winning trades)");
        Assert.That(console.Text, Does.Contain("\u001b[48;5;9m"), "red background pixels (losing trades)");
        Assert.That(console.Text, Does.Contain("\u001b[48;5;8m"), "grey zero axis");
        Assert.That(console.Text, Does.Not.Contain("▒"), "the canvas, not the text fallback");
    }

    [Test]
    public void Charts_EmptyRun_SaysSoWithoutThrowing()
    {
        var console = new RecordingConsole(40);
        var run = ReportSamples.Run("BTCUSDT", "balanced", []) with { Equity = [], SignalWeights = [] };
        TerminalCharts.Render(console.Console, run);
        Assert.That(console.Text, Does.Contain("no trades").And.Contain("no equity points").And.Contain("no signal weights"));
    }
}
