using Smallfish.Core.Configuration;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

public class PreTradeGatesTests
{
    private const long Ms = 1_000_000;
    private const long Now = 1_700_000_000L * 1_000_000_000;

    private static readonly GateLimits Limits = GateLimits.From(new GatesOptions(), new RiskOptions());

    /// <summary>An input every gate passes.</summary>
    private static GateInput Clean() => new()
    {
        NowNs = Now,
        DailyNetR = -1,
        BookValid = true,
        LastBookNs = Now - 10 * Ms,
        FeedLatencyNs = 5 * Ms,
        SpreadTicks = 1,
        FundingDistanceNs = 60 * 60_000 * Ms,
        LastLossNs = Now - 60_000 * Ms,
        OpenPositions = 0,
        MarginHeadroom = 1000m,
        MinOrderNotional = 5m,
    };

    [Test]
    public void Evaluate_CleanInput_Passes() => Assert.That(PreTradeGates.Evaluate(Clean(), Limits), Is.EqualTo(GateReason.Pass));

    [Test]
    public void Limits_Defaults_AreTheSeedValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Limits.MaxSpreadTicks, Is.EqualTo(2));
            Assert.That(Limits.MaxFeedLatencyNs, Is.EqualTo(80 * Ms));
            Assert.That(Limits.FundingWindowNs, Is.EqualTo(3 * 60_000 * Ms));
            Assert.That(Limits.CooldownNs, Is.EqualTo(5_000 * Ms));
            Assert.That(Limits.DailyLossLimitR, Is.EqualTo(10));
            Assert.That(Limits.MaxConcurrentPositions, Is.EqualTo(3));
        });
    }

    private static IEnumerable<TestCaseData> OneGateEach()
    {
        yield return Case("Halted", GateReason.Halted, (ref GateInput i) => i.Halted = true);
        yield return Case("Reconciling", GateReason.Reconciling, (ref GateInput i) => i.Reconciling = true);
        yield return Case("KillSwitch", GateReason.KillSwitch, (ref GateInput i) => i.KillSwitchTripped = true);
        yield return Case("DailyLoss", GateReason.DailyLossLimit, (ref GateInput i) => i.DailyNetR = -10);
        yield return Case("BookInvalid", GateReason.BookInvalid, (ref GateInput i) => i.BookValid = false);
        yield return Case("BookStale", GateReason.BookStale, (ref GateInput i) => i.LastBookNs = Now - 1501 * Ms);
        yield return Case("NoBookYet", GateReason.BookStale, (ref GateInput i) => i.LastBookNs = 0);
        yield return Case("FeedLatency", GateReason.FeedLatency, (ref GateInput i) => i.FeedLatencyNs = 81 * Ms);
        yield return Case("Spread", GateReason.SpreadTooWide, (ref GateInput i) => i.SpreadTicks = 3);
        yield return Case("FundingBefore", GateReason.FundingWindow, (ref GateInput i) => i.FundingDistanceNs = 3 * 60_000 * Ms);
        yield return Case("FundingNow", GateReason.FundingWindow, (ref GateInput i) => i.FundingDistanceNs = 0);
        yield return Case("Cooldown", GateReason.Cooldown, (ref GateInput i) => i.LastLossNs = Now - 4_999 * Ms);
        yield return Case("PositionOpen", GateReason.PositionOpen, (ref GateInput i) => i.PositionOpen = true);
        yield return Case("EntryWorking", GateReason.EntryWorking, (ref GateInput i) => i.EntryWorking = true);
        yield return Case("MaxPositions", GateReason.MaxConcurrentPositions, (ref GateInput i) => i.OpenPositions = 3);
        yield return Case("Margin", GateReason.InsufficientMargin, (ref GateInput i) => i.MarginHeadroom = 4.99m);
    }

    private delegate void Change(ref GateInput input);

    private static TestCaseData Case(string label, GateReason expected, Change change)
    {
        var input = Clean();
        change(ref input);
        return new TestCaseData(input).Returns(expected).SetName($"Evaluate_{label}_Returns{expected}");
    }

    [TestCaseSource(nameof(OneGateEach))]
    public GateReason Evaluate_OneConditionFails_ReturnsItsReason(GateInput input) => PreTradeGates.Evaluate(input, Limits);

    [Test]
    public void Evaluate_AtTheLimits_Passes()
    {
        var i = Clean();
        i.SpreadTicks = 2;
        i.FeedLatencyNs = 80 * Ms;
        i.LastBookNs = Now - 1500 * Ms;
        i.FundingDistanceNs = 3 * 60_000 * Ms + 1;
        i.LastLossNs = Now - 5_000 * Ms;
        i.DailyNetR = -9.99;
        i.OpenPositions = 2;
        i.MarginHeadroom = 5m;
        i.FeedLatencyNs = -3 * Ms; // a local clock behind the exchange's is not latency
        Assert.That(PreTradeGates.Evaluate(i, Limits), Is.EqualTo(GateReason.Pass));
    }

    [Test]
    public void Evaluate_SeveralFail_ReportsTheFirstInTheDocumentedOrder()
    {
        var i = Clean();
        i.SpreadTicks = 9;
        i.PositionOpen = true;
        i.FeedLatencyNs = 500 * Ms;
        Assert.That(PreTradeGates.Evaluate(i, Limits), Is.EqualTo(GateReason.FeedLatency));
        i.KillSwitchTripped = true;
        Assert.That(PreTradeGates.Evaluate(i, Limits), Is.EqualTo(GateReason.KillSwitch));
        i.Reconciling = true;
        Assert.That(PreTradeGates.Evaluate(i, Limits), Is.EqualTo(GateReason.Reconciling));
        i.Halted = true;
        Assert.That(PreTradeGates.Evaluate(i, Limits), Is.EqualTo(GateReason.Halted));
    }

    [Test]
    public void Evaluate_FundingGateOff_IgnoresFunding()
    {
        var limits = GateLimits.From(new GatesOptions { FundingWindowMinutes = 0 }, new RiskOptions());
        var i = Clean();
        i.FundingDistanceNs = 0;
        Assert.That(PreTradeGates.Evaluate(i, limits), Is.EqualTo(GateReason.Pass));
    }

    [Test]
    public void Evaluate_ManyCalls_AllocatesNothing()
    {
        var i = Clean();
        var limits = Limits;
        Loop(ref i, limits, 50_000); // JIT tiers settle first
        long allocated = 0, sum = 0;
        for (int attempt = 0; attempt < 3; attempt++) // a one-off JIT allocation does not repeat; a per-call one would
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            sum = Loop(ref i, limits, 10_000);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0) break;
        }
        Assert.That(sum, Is.GreaterThan(0));
        Assert.That(allocated, Is.Zero);
    }

    private static long Loop(ref GateInput input, GateLimits limits, int n)
    {
        long sum = 0;
        for (int k = 0; k < n; k++)
        {
            input.SpreadTicks = 1 + (k & 3);
            sum += (long)PreTradeGates.Evaluate(input, limits);
        }
        return sum;
    }
}
