using Smallfish.Core.Configuration;
using Smallfish.Core.Grid;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Grid;

/// <summary>The engine's gates as the grid sees them: every risk gate, none of the scalper's capacity gates.</summary>
public class GridGatesTests
{
    private const long Ms = 1_000_000;
    private const long Now = 1_720_000_000_000 * Ms;
    private static readonly GateLimits Limits = GateLimits.From(new GatesOptions(), new RiskOptions());

    /// <summary>Healthy market, a scalper position open with an entry working and every position slot taken.</summary>
    private static GateInput Healthy() => new()
    {
        NowNs = Now,
        BookValid = true,
        LastBookNs = Now - 10 * Ms,
        FeedLatencyNs = 5 * Ms,
        SpreadTicks = 1,
        FundingDistanceNs = 3_600_000 * Ms,
        PositionOpen = true,
        EntryWorking = true,
        OpenPositions = 99,
        MarginHeadroom = 10_000m,
        MinOrderNotional = 200m,
    };

    [Test]
    public void Evaluate_ScalperCapacityGates_DoNotBlockTheGrid()
    {
        Assert.That(PreTradeGates.Evaluate(Healthy(), Limits), Is.EqualTo(GateReason.PositionOpen), "they do block an entry");
        Assert.That(GridGates.Evaluate(Healthy(), Limits), Is.EqualTo(GateReason.Pass));
    }

    [TestCase("kill", GateReason.KillSwitch, GridGateAction.CancelAll)]
    [TestCase("halted", GateReason.Halted, GridGateAction.CancelLevels)]
    [TestCase("reconciling", GateReason.Reconciling, GridGateAction.Hold)]
    [TestCase("daily", GateReason.DailyLossLimit, GridGateAction.CancelLevels)]
    [TestCase("funding", GateReason.FundingWindow, GridGateAction.CancelLevels)]
    [TestCase("book", GateReason.BookInvalid, GridGateAction.Hold)]
    [TestCase("stale", GateReason.BookStale, GridGateAction.Hold)]
    [TestCase("latency", GateReason.FeedLatency, GridGateAction.Hold)]
    [TestCase("spread", GateReason.SpreadTooWide, GridGateAction.Hold)]
    [TestCase("cooldown", GateReason.Cooldown, GridGateAction.Hold)]
    [TestCase("margin", GateReason.InsufficientMargin, GridGateAction.Hold)]
    public void Evaluate_EachRiskGate_BlocksTheGridWithItsAction(string condition, GateReason expected, GridGateAction action)
    {
        var input = Healthy();
        switch (condition)
        {
            case "kill": input.KillSwitchTripped = true; break;
            case "halted": input.Halted = true; break;
            case "reconciling": input.Reconciling = true; break;
            case "daily": input.DailyNetR = -Limits.DailyLossLimitR; break;
            case "funding": input.FundingDistanceNs = 60_000 * Ms; break;
            case "book": input.BookValid = false; break;
            case "stale": input.LastBookNs = Now - Limits.BookStaleNs - 1; break;
            case "latency": input.FeedLatencyNs = Limits.MaxFeedLatencyNs + 1; break;
            case "spread": input.SpreadTicks = Limits.MaxSpreadTicks + 1; break;
            case "cooldown": input.LastLossNs = Now - 1 * Ms; break;
            case "margin": input.MarginHeadroom = 100m; break;
        }

        var reason = GridGates.Evaluate(input, Limits);

        Assert.That(reason, Is.EqualTo(expected));
        Assert.That(GridGatePolicy.ActionFor(reason), Is.EqualTo(action));
    }
}
