using Smallfish.Core.Signals;
using Smallfish.Monitoring.Dashboard;
using Smallfish.Monitoring.Status;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Dashboard;

/// <summary>The dashboard rendered from the recorded snapshot into fixed-size plain-text consoles.</summary>
public class DashboardRendererTests
{
    private static TestConsole Render(StatusSnapshot? snapshot, int width, int height, bool unicode = true, string? notice = null, string? focus = null)
    {
        var console = new TestConsole(width, height, unicode);
        new DashboardRenderer(focus).Write(console.Console, snapshot, notice);
        return console;
    }

    [TestCase(80, 24)]
    [TestCase(160, 48)]
    public void Render_RecordedSnapshot_FillsExactlyTheConsole(int width, int height)
    {
        string[] lines = Render(Fixtures.Snapshot, width, height).Lines;

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(height));
            Assert.That(lines.Max(l => l.Length), Is.EqualTo(width));
        });
    }

    [TestCase(80, 24)]
    [TestCase(160, 48)]
    public void Render_RecordedSnapshot_EachPanelShowsItsData(int width, int height)
    {
        StatusSnapshot snapshot = Fixtures.Snapshot;
        ScreenRegions screen = ScreenRegions.Parse(Render(snapshot, width, height).Lines);

        Assert.Multiple(() =>
        {
            // Header: mode, exchange, profile, equity, day, drawdown, kill switch.
            Assert.That(screen.Header, Does.Contain("PAPER").And.Contain("bybit").And.Contain("aggressive"));
            Assert.That(screen.Header, Does.Contain("eq 1,052.31").And.Contain("day +12.40 +1.80R").And.Contain("DD 0.74%").And.Contain("kill off"));

            // Price: the focused symbol (the one with the position), its mid, the bracket lines, entry/exit markers.
            Assert.That(screen.Price, Does.Contain("BTCUSDT").And.Contain("64,020.05"));
            Assert.That(screen.Price, Does.Contain("TP 64,169.00").And.Contain("SL 63,956.50").And.Contain("E 64,019.00"));
            Assert.That(screen.Price, Does.Contain("\u25b2").And.Contain("\u25bc").And.Contain("\u2715"));
            Assert.That(screen.Price, Does.Contain("LONG 0.150 @ 64,019.00"));
            Assert.That(screen.Price.Any(c => c is > '\u2800' and <= '\u28ff'), Is.True, "the mid line is drawn in braille");

            // Equity: current figure, the starting line, the curve.
            Assert.That(screen.Equity, Does.Contain("Equity 1,052.31").And.Contain("start 1,000.00"));
            Assert.That(screen.Equity.Any(c => c is > '\u2800' and <= '\u28ff'), Is.True, "the equity curve is drawn in braille");

            // Trades: the tally and the last trade's P&L; bars up and down.
            Assert.That(screen.Trades, Does.Contain("Trades 12").And.Contain("last +4.87 (+1.21R)"));
            Assert.That(screen.Trades, Does.Contain("\u2588"));

            // Signals: the fused direction and every signal's name and score.
            Assert.That(screen.Signals, Does.Contain("Signals BTCUSDT").And.Contain("buy 0.72"));
            foreach (SignalScore s in snapshot.Symbols[0].Fusion.Signals)
            {
                Assert.That(screen.Signals, Does.Contain(s.Name.Name()), s.Name.Name());
                Assert.That(screen.Signals, Does.Contain(s.Score.ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture)), s.Name.Name());
            }
        });
    }

    [Test]
    public void Render_LargeConsole_AddsDetail()
    {
        ScreenRegions screen = ScreenRegions.Parse(Render(Fixtures.Snapshot, 160, 48).Lines);

        Assert.Multiple(() =>
        {
            Assert.That(screen.Header, Does.Contain("v0.1.0+3f2c9ab").And.Contain("up 3h12m"));
            Assert.That(screen.Header, Does.Contain("ETHUSDT 3,781.25 book:sequenceGap"), "second line sums up every symbol");
            Assert.That(screen.Trades, Does.Contain("+4.87 +1.21R BTCUSDT").And.Contain("-0.88 -0.36R ETHUSDT"), "trade list");
            Assert.That(screen.Signals, Does.Contain("w.18").And.Contain("fused 0.72"));
            Assert.That(screen.Price, Does.Contain("(+0.02R)"));
        });
    }

    [Test]
    public void Render_FocusSymbol_ShowsThatSymbolsBookState()
    {
        ScreenRegions screen = ScreenRegions.Parse(Render(Fixtures.Snapshot, 100, 30, focus: "ethusdt").Lines);

        Assert.Multiple(() =>
        {
            Assert.That(screen.Price, Does.Contain("ETHUSDT").And.Contain("BOOK INVALID: sequenceGap").And.Contain("no price data yet"));
            Assert.That(screen.Signals, Does.Contain("Signals ETHUSDT").And.Contain("flat 0.18"));
        });
    }

    [TestCase(80, 24)]
    [TestCase(160, 48)]
    public void Render_EmptySnapshot_ShowsPlaceholders(int width, int height)
    {
        ScreenRegions screen = ScreenRegions.Parse(Render(new StatusSnapshot(), width, height).Lines);

        Assert.Multiple(() =>
        {
            Assert.That(screen.Price, Does.Contain("no symbols reported"));
            Assert.That(screen.Equity, Does.Contain("no equity history yet"));
            Assert.That(screen.Trades, Does.Contain("no trades yet"));
            Assert.That(screen.Signals, Does.Contain("no signal scores yet"));
        });
    }

    [Test]
    public void Render_NoSnapshotWithNotice_SaysSoInTheHeader()
    {
        ScreenRegions screen = ScreenRegions.Parse(Render(null, 80, 24, notice: "cannot reach 127.0.0.1:8787 (ConnectionError)").Lines);

        Assert.Multiple(() =>
        {
            Assert.That(screen.Header, Does.Contain("cannot reach 127.0.0.1:8787"));
            Assert.That(screen.Trades, Does.Contain("no trades yet"));
        });
    }

    [Test]
    public void Render_KillSwitchTrippedAndEngineStalled_HeaderShowsBoth()
    {
        StatusSnapshot snapshot = Fixtures.Snapshot with
        {
            KillSwitch = new KillSwitchInfo { Tripped = true, Reason = KillSwitchCause.DailyLossR, SinceNs = 1 },
            Heartbeat = new HeartbeatInfo { EngineAlive = false, LastEventAgeMs = 15_000 },
        };

        string header = ScreenRegions.Parse(Render(snapshot, 80, 24).Lines).Header;

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Contain("KILL dailyLossR"));
            Assert.That(header, Does.Contain("ENGINE STALLED"));
            Assert.That(header, Does.Not.Contain("kill off"));
        });
    }

    [Test]
    public void Render_AsciiConsole_UsesOnlyAsciiCharacters()
    {
        TestConsole console = Render(Fixtures.Snapshot, 120, 40, unicode: false);
        ScreenRegions screen = ScreenRegions.Parse(console.Lines, topLeft: '+');

        Assert.Multiple(() =>
        {
            Assert.That(console.Output.Where(c => c > 127).Distinct(), Is.Empty);
            Assert.That(screen.Price, Does.Contain("TP 64,169.00").And.Contain("B").And.Contain("S"));
            Assert.That(screen.Signals, Does.Contain("ABSORB"));
        });
    }

    private static IEnumerable<TestCaseData> SmallSizes()
    {
        int[][] sizes = [[1, 1], [2, 2], [3, 3], [10, 3], [20, 6], [39, 11], [39, 40], [200, 11], [40, 12], [41, 13], [45, 14], [60, 16], [80, 5], [80, 12]];
        foreach (int[] s in sizes)
        {
            yield return new TestCaseData(s[0], s[1], "recorded").SetArgDisplayNames($"{s[0]}x{s[1]}", "recorded");
            yield return new TestCaseData(s[0], s[1], "empty").SetArgDisplayNames($"{s[0]}x{s[1]}", "empty");
            yield return new TestCaseData(s[0], s[1], "none").SetArgDisplayNames($"{s[0]}x{s[1]}", "none");
        }
    }

    [TestCaseSource(nameof(SmallSizes))]
    public void Render_AnySize_NeverThrowsAndStaysInside(int width, int height, string data)
    {
        StatusSnapshot? snapshot = data switch { "recorded" => Fixtures.Snapshot, "empty" => new StatusSnapshot(), _ => null };

        string[] lines = Render(snapshot, width, height).Lines;

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.LessThanOrEqualTo(height));
            Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(width));
        });
    }

    [Test]
    public void Render_BelowTheLayoutMinimum_ShowsTheKeyFigures()
    {
        string text = Render(Fixtures.Snapshot, 30, 8).Output;

        Assert.That(text, Does.Contain("eq 1,052.31").And.Contain("BTCUSDT").And.Contain("last +4.87"));
    }

    [Test]
    public void Render_DegenerateData_DoesNotThrow()
    {
        StatusSnapshot s = Fixtures.Snapshot;
        SymbolStatus btc = s.Symbols[0];
        StatusSnapshot odd = s with
        {
            // One price point, a flat equity curve at the start, a zero trade, NaN scores, a position without stop or target.
            Symbols =
            [
                btc with
                {
                    RecentMids = [btc.RecentMids[0]],
                    Markers = [new PriceMarker(btc.RecentMids[0].TsNs - 1, 1m, Core.Domain.Side.Buy, MarkerAction.Entry)],
                    Position = btc.Position! with { StopPrice = null, TakeProfitPrice = null },
                    Fusion = btc.Fusion with { Signals = [new SignalScore { Name = SignalId.Obi, Score = double.NaN }, new SignalScore { Name = SignalId.Cvd, Score = 7 }] },
                },
            ],
            EquityCurve = [new EquityPoint(1, 1000m), new EquityPoint(1, 1000m)],
            RecentTrades = [s.RecentTrades[0] with { NetPnl = 0m, RMultiple = double.NaN }],
        };

        Assert.DoesNotThrow(() => Render(odd, 80, 24));
    }
}
