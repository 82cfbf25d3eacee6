using Smallfish.Core.Domain;
using Smallfish.Core.Risk;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>Pre-trade gates as the engine applies them: journaled decisions, shadow trades, cooldown, funding window.</summary>
public class EngineGateScenarioTests
{
    /// <summary>2024-01-01 08:00:00 UTC, a funding time on the eight-hour grid.</summary>
    private const long Funding0800 = 1_704_096_000L * Second;

    [Test]
    public void FundingWindow_ThreeMinutesEitherSide_BlocksThenAllows()
    {
        using var h = new EngineHarness(start: Funding0800 - 2 * 60 * Second);
        h.StartLongAt999(Funding0800 - 2 * 60 * Second);
        Assert.That(h.Journal.Decisions.Single().Gate, Is.EqualTo(GateReason.FundingWindow));

        Scenarios.Nudge(h, Funding0800 + 2 * 60 * Second); // still within three minutes after
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry), Is.Empty);

        Scenarios.Nudge(h, Funding0800 + 3 * 60 * Second + Second);
        Assert.Multiple(() =>
        {
            Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(1));
            Assert.That(h.Journal.Decisions.Select(d => d.Gate), Is.EqualTo(new[] { GateReason.FundingWindow, GateReason.Pass, GateReason.EntryWorking }),
                "a repeated blocked decision is journaled once; the next event finds the entry working");
        });
    }

    [Test]
    public void FundingWindow_TickerAnnouncesAnOffGridFunding_UsesIt()
    {
        using var h = new EngineHarness();
        h.Ticker(T0, T0 + 2 * 60 * Second); // a symbol with an hourly funding at 09:02
        h.StartLongAt999(T0 + Ms);
        Assert.That(h.Journal.Decisions.Single().Gate, Is.EqualTo(GateReason.FundingWindow));

        h.Ticker(T0 + 4 * 60 * Second, T0 + 62 * 60 * Second); // after it, the next is announced; 09:02 is remembered
        Scenarios.Nudge(h, T0 + 4 * 60 * Second + Ms);
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry), Is.Empty);

        Scenarios.Nudge(h, T0 + 6 * 60 * Second);
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(1));
    }

    [Test]
    public void Cooldown_AfterALoss_BlocksForFiveSecondsThenAllows()
    {
        using var h = new EngineHarness();
        Scenarios.LongStoppedOut(h, T0);
        Assert.That(h.LastTrade.NetPnl, Is.Negative);

        h.Quote(T0 + 200 * Ms, 999, 1000);
        h.Signals.Want(+1);
        Scenarios.Nudge(h, T0 + 210 * Ms);
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.Cooldown));

        long closed = h.LastTrade.ClosedNs;
        Scenarios.Nudge(h, closed + 4_900 * Ms);
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(1));
        Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.Cooldown));
        Scenarios.Nudge(h, closed + 5_000 * Ms);
        Assert.That(h.Orders.PlacedWith(OrderRole.Entry).Count(), Is.EqualTo(2));
    }

    [Test]
    public void SpreadGate_BlocksAWantedEntry_ShadowTradeFollowsItToTheTakeProfit()
    {
        using var h = new EngineHarness();
        h.Quote(T0, 999, 1002); // 3 ticks > 2
        h.Signals.Want(+1, 0.7);
        h.Trade(T0 + 5 * Ms, 1000, 1, Side.Buy);
        h.Trade(T0 + 20 * Ms, 1000, 1, Side.Buy); // the same wish again: no second decision, no second shadow
        h.RunThrough(T0 + 30 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.Decisions.Single().Gate, Is.EqualTo(GateReason.SpreadTooWide));
            Assert.That(h.Journal.Decisions.Single().Action, Is.EqualTo("blocked"));
            Assert.That(h.Orders.Placed, Is.Empty);
        });
        var open = h.Journal.ShadowTrades.Single();
        Assert.That((open.BlockedBy, open.EntryPriceTicks, open.StopTicks, open.TakeProfitTicks, open.ClosedNs),
            Is.EqualTo((GateReason.SpreadTooWide, 999L, 989L, 1019L, 0L)));

        h.Trade(T0 + 100 * Ms, 1019, 1, Side.Buy);
        h.RunThrough(T0 + 110 * Ms);
        var closed = h.Journal.ShadowTrades[^1];
        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.ShadowTrades, Has.Count.EqualTo(2));
            Assert.That(closed.ExitPriceTicks, Is.EqualTo(1019));
            Assert.That(closed.RMultiple, Is.EqualTo(2.0));
            Assert.That(closed.Confidence, Is.EqualTo(0.7));
        });
    }

    [Test]
    public void Decision_Journaled_CarriesScoresWeightsSizeAndPrice()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0, confidence: 0.75);

        var d = h.Journal.Decisions.Single();
        Assert.Multiple(() =>
        {
            Assert.That((d.Symbol, d.Direction, d.Confidence, d.Gate, d.PriceTicks, d.QtyLots), Is.EqualTo((Symbol, 1, 0.75, GateReason.Pass, 999L, 150L)));
            Assert.That(d.Scores, Has.Length.EqualTo(13).And.All.EqualTo(0.75));
            Assert.That(d.Weights, Has.Length.EqualTo(13));
            Assert.That(d.Sequence, Is.EqualTo(1));
            Assert.That(h.Engine.State.FusedScore(0), Is.EqualTo(0.75));
        });
    }

    [Test]
    public void MaxConcurrentPositions_Reached_BlocksAnotherSymbol()
    {
        var eth = new Smallfish.Core.Instruments.InstrumentSpec("ETHTEST", 0.1m, 1m, 1m, 5m);
        using var h = new EngineHarness(o => o.Risk.MaxConcurrentPositions = 1, extra: eth);
        h.OpenLong(T0);
        h.Quote(T0 + 100 * Ms, 999, 1000, symbolId: 1);
        h.Signals.Want(+1, symbolId: 1);
        h.Trade(T0 + 105 * Ms, 1000, 1, Side.Buy, symbolId: 1);
        h.RunThrough(T0 + 120 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Journal.Decisions[^1].Symbol, Is.EqualTo("ETHTEST"));
            Assert.That(h.Journal.Decisions[^1].Gate, Is.EqualTo(GateReason.MaxConcurrentPositions));
            Assert.That(h.Orders.Placed.Where(p => p.Symbol == "ETHTEST"), Is.Empty);
        });
    }
}
