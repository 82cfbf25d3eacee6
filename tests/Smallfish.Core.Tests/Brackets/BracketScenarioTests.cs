using Smallfish.Core.Brackets;
using Smallfish.Core.Domain;
using Smallfish.Core.Tests.Engine;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Brackets;

/// <summary>Brackets on the simulated venue: take-profit, stop-loss, gaps, trailing, partial take-profit, time stop.</summary>
public class BracketScenarioTests
{
    [Test]
    public void EntryFill_CleanFillThenTakeProfit_ClosesAtTwoRWithTheStopCancelled()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);

        var b = h.Engine.Brackets(0);
        Assert.That(b.Position, Is.Not.Null);
        Assert.That(b.Position!.QtyLots, Is.EqualTo(150));
        var stop = h.Orders.PlacedWith(OrderRole.StopLoss).Single();
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();
        Assert.Multiple(() =>
        {
            Assert.That((stop.Type, stop.Side, stop.TriggerPriceTicks, stop.QtyLots, stop.ReduceOnly), Is.EqualTo((OrderType.StopMarket, Side.Sell, 989L, 150L, true)));
            Assert.That((tp.Type, tp.TimeInForce, tp.PriceTicks, tp.QtyLots, tp.ReduceOnly), Is.EqualTo((OrderType.Limit, TimeInForce.GoodTillCancel, 1019L, 150L, true)));
        });

        h.Quote(T0 + 100 * Ms, 1019, 1020);
        h.Trade(T0 + 101 * Ms, 1020, 5, Side.Buy); // trades through the take-profit
        h.RunThrough(T0 + 120 * Ms);

        Assert.That(h.Engine.Brackets(0).HasPosition, Is.False);
        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.TakeProfit));
            Assert.That(trade.GrossPnl, Is.EqualTo(150 * 2.0m));
            Assert.That(trade.RMultiple, Is.EqualTo((double)((300m - trade.Fees) / 150m)).Within(1e-9));
            Assert.That(trade.RMultiple, Is.GreaterThan(1.8).And.LessThan(2.0));
            Assert.That(h.Orders.Cancels, Does.Contain(stop.ClientOrderId), "one cancels the other");
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
            Assert.That(h.Engine.Orders.LiveCount, Is.Zero);
            Assert.That(h.Engine.State.Equity.Equity, Is.EqualTo(10_000m + trade.NetPnl));
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void EntryFill_ThenPriceFallsToTheStop_ClosesAtMinusOneRWithTheTakeProfitCancelled()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();

        h.Quote(T0 + 100 * Ms, 989, 990, bidLots: 200);
        h.Trade(T0 + 101 * Ms, 989, 5, Side.Sell);
        h.RunThrough(T0 + 120 * Ms);

        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.StopLoss));
            Assert.That(trade.ExitPrice, Is.EqualTo(98.9m));
            Assert.That(trade.GrossPnl, Is.EqualTo(-150m));
            Assert.That(trade.RMultiple, Is.LessThan(-1.0).And.GreaterThan(-1.1));
            Assert.That(trade.SlippageTicks, Is.Zero);
            Assert.That(h.Orders.Cancels, Does.Contain(tp.ClientOrderId));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
            Assert.That(h.Engine.State.LastLossNs, Is.EqualTo(trade.ClosedNs), "a loss starts the cooldown");
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void Stop_PriceGapsThroughIt_FillsWorseAndCountsASlippageBreach()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);

        h.Quote(T0 + 100 * Ms, 980, 981);
        h.Trade(T0 + 101 * Ms, 980, 5, Side.Sell); // first print below the 98.9 stop is at 98.0
        h.RunThrough(T0 + 120 * Ms);

        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.StopLoss));
            Assert.That(trade.ExitPrice, Is.LessThan(98.1m), "100 lots at 98.0, 50 at 97.9");
            Assert.That(trade.SlippageTicks, Is.EqualTo(10), "worst fill 97.9 against the 98.9 trigger");
            Assert.That(trade.RMultiple, Is.LessThan(-1.9));
            Assert.That(h.Engine.State.Daily.SlippageBreaches, Is.EqualTo(1), "one breach per order, not per fill");
            Assert.That(h.Engine.State.KillSwitch.IsTripped, Is.False);
        });
    }

    [Test]
    public void TrailingStop_ActivatesAtOneRAndMovesInSteps_ExitsInProfit()
    {
        using var h = new EngineHarness(o =>
        {
            o.Risk.Trailing.Enabled = true;
            o.Risk.Trailing.ActivationRMultiple = 1.0;
            o.Risk.Trailing.StepTicks = 2;
        });
        h.OpenLong(T0);
        var stopId = h.Orders.PlacedWith(OrderRole.StopLoss).Single().ClientOrderId;

        h.Trade(T0 + 100 * Ms, 1008, 1, Side.Buy); // 0.9R: not yet
        h.RunThrough(T0 + 105 * Ms);
        Assert.That(h.Orders.Amends, Is.Empty);

        h.Trade(T0 + 110 * Ms, 1009, 1, Side.Buy); // 1R: activates, stop to best - 2
        h.Trade(T0 + 120 * Ms, 1010, 1, Side.Buy); // one tick more: less than a step, stays
        h.Trade(T0 + 130 * Ms, 1011, 1, Side.Buy); // a full step: moves
        h.RunThrough(T0 + 140 * Ms);
        Assert.That(h.Orders.Amends, Is.EqualTo(new[] { (stopId, 1007L, 0L), (stopId, 1009L, 0L) }));
        Assert.That(h.Engine.Brackets(0).Stage, Is.EqualTo(StopStage.Trailing));

        h.Quote(T0 + 200 * Ms, 1009, 1010, bidLots: 200);
        h.Trade(T0 + 201 * Ms, 1009, 5, Side.Sell);
        h.RunThrough(T0 + 220 * Ms);

        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.TrailingStop));
            Assert.That(trade.ExitPrice, Is.EqualTo(100.9m));
            Assert.That(trade.GrossPnl, Is.EqualTo(150m));
            Assert.That(trade.MfePrice, Is.EqualTo(1.2m));
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void PartialTakeProfit_HalfAtOneR_StopToBreakEvenThenStoppedThere()
    {
        using var h = new EngineHarness(o =>
        {
            o.Risk.RiskPerTradePct = 2.5; // the aggressive profile
            o.Risk.RewardRisk = 2.4;
            o.Risk.EquityCapMultiple = 8;
            o.Risk.PartialTakeProfit.Enabled = true;
        });
        h.StartLongAt999(T0);
        h.Signals.Hold(+1, 0.7);
        h.SellersHitBid(T0 + 20 * Ms, 350);
        h.RunThrough(T0 + 40 * Ms);

        var partial = h.Orders.PlacedWith(OrderRole.PartialTakeProfit).Single();
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();
        var stop = h.Orders.PlacedWith(OrderRole.StopLoss).Single();
        Assert.Multiple(() =>
        {
            Assert.That((partial.PriceTicks, partial.QtyLots), Is.EqualTo((1009L, 125L)), "50 % at 1R");
            Assert.That((tp.PriceTicks, tp.QtyLots), Is.EqualTo((1023L, 125L)), "the rest at 2.4R");
            Assert.That(stop.QtyLots, Is.EqualTo(250));
        });

        h.Quote(T0 + 100 * Ms, 1009, 1010);
        h.Trade(T0 + 101 * Ms, 1010, 5, Side.Buy); // through the partial take-profit
        h.RunThrough(T0 + 120 * Ms);

        var b = h.Engine.Brackets(0);
        Assert.Multiple(() =>
        {
            Assert.That(b.Position!.QtyLots, Is.EqualTo(125));
            Assert.That(b.Position.PartialTaken, Is.True);
            Assert.That(b.Stage, Is.EqualTo(StopStage.BreakEven));
            Assert.That((b.StopOrder!.TriggerTicks, b.StopOrder.OpenLots), Is.EqualTo((999L, 125L)));
        });

        h.Quote(T0 + 200 * Ms, 999, 1000, bidLots: 200);
        h.Trade(T0 + 201 * Ms, 999, 5, Side.Sell);
        h.RunThrough(T0 + 220 * Ms);

        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.BreakEven));
            Assert.That(trade.Qty, Is.EqualTo(250m));
            Assert.That(trade.GrossPnl, Is.EqualTo(125m), "125 lots x 1.0 on the partial, nothing on the rest");
            Assert.That(trade.RMultiple, Is.GreaterThan(0.4).And.LessThan(0.5));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void TimeStop_PositionHeldTooLong_ExitsAtMarket()
    {
        using var h = new EngineHarness(o => o.Risk.TimeStopSeconds = 2);
        h.OpenLong(T0);
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();

        h.RunThrough(T0 + 1_900 * Ms);
        Assert.That(h.Engine.Brackets(0).HasPosition, Is.True);
        h.RunThrough(T0 + 2_100 * Ms);

        var exit = h.Orders.PlacedWith(OrderRole.Exit).Single();
        var trade = h.LastTrade;
        Assert.Multiple(() =>
        {
            Assert.That((exit.Type, exit.Side, exit.QtyLots, exit.ReduceOnly), Is.EqualTo((OrderType.Market, Side.Sell, 150L, true)));
            Assert.That(trade.Reason, Is.EqualTo(ExitReason.TimeStop));
            Assert.That(trade.ClosedNs - trade.OpenedNs, Is.InRange(2 * Second, 2 * Second + 20 * Ms));
            Assert.That(h.Orders.Cancels, Does.Contain(tp.ClientOrderId));
            Assert.That(h.Venue.WorkingOrderCount(Symbol), Is.Zero);
        });
    }

    [Test]
    public void EntryFill_PartialThenTheRest_TakeProfitFollowsTheFilledSizeAndTheStopClosesThePosition()
    {
        using var h = new EngineHarness();
        h.StartLongAt999(T0);
        h.Signals.Hold(+1, 0.7);
        h.SellersHitBid(T0 + 20 * Ms, 160); // 100 ahead in the queue, 60 for us
        h.RunThrough(T0 + 30 * Ms);

        var stop = h.Orders.PlacedWith(OrderRole.StopLoss).Single();
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();
        Assert.That((stop.QtyLots, stop.ClosePosition, tp.QtyLots), Is.EqualTo((60L, true, 60L)));

        h.SellersHitBid(T0 + 40 * Ms, 90);
        h.RunThrough(T0 + 60 * Ms);

        Assert.Multiple(() =>
        {
            Assert.That(h.Engine.Brackets(0).Position!.QtyLots, Is.EqualTo(150));
            // The take-profit is resized; the stop is sized by the venue when it triggers and needs no amend.
            Assert.That(h.Orders.Amends, Is.EquivalentTo(new[] { (tp.ClientOrderId, 0L, 150L) }));
            Assert.That(h.Engine.Brackets(0).StopOrder!.OpenLots, Is.EqualTo(150), "the engine books the stop as covering the position");
            Assert.That(h.Orders.PlacedWith(OrderRole.StopLoss).Count(), Is.EqualTo(1), "placed once");
            Assert.That(h.Checker.FillsChecked, Is.GreaterThanOrEqualTo(2));
            Assert.That(h.Checker.Violations, Is.Empty);
        });
    }

    [Test]
    public void TakeProfitMarket_Configured_TriggersAndSellsIntoTheBids()
    {
        using var h = new EngineHarness(o => o.Risk.TakeProfitOrderType = Smallfish.Core.Configuration.TakeProfitOrderKind.Market);
        h.OpenLong(T0);
        var tp = h.Orders.PlacedWith(OrderRole.TakeProfit).Single();
        Assert.That((tp.Type, tp.TriggerPriceTicks, tp.PriceTicks), Is.EqualTo((OrderType.TakeProfitMarket, 1019L, 0L)));

        h.Quote(T0 + 100 * Ms, 1019, 1020, bidLots: 200);
        h.Trade(T0 + 101 * Ms, 1019, 5, Side.Buy);
        h.RunThrough(T0 + 120 * Ms);

        Assert.That((h.LastTrade.Reason, h.LastTrade.ExitPrice), Is.EqualTo((ExitReason.TakeProfit, 101.9m)));
    }

    [Test]
    public void Funding_PositionHeldOverAFundingTime_PaidFundingIsInTheRoundTrip()
    {
        const long Funding0800 = 1_704_096_000L * Second;
        long start = Funding0800 - Second;
        using var h = new EngineHarness(o => o.Gates.FundingWindowMinutes = 0, start: start);
        h.Ticker(start, Funding0800); // rate 0.01 %, mark 100.0
        h.OpenLong(start);
        h.RunThrough(Funding0800 + 10 * Ms);
        Assert.That(h.Engine.Brackets(0).Position!.Funding, Is.EqualTo(1.5m), "150 lots x 100.0 x 0.0001, paid by the long");

        h.Quote(Funding0800 + 100 * Ms, 1019, 1020);
        h.Trade(Funding0800 + 101 * Ms, 1020, 5, Side.Buy);
        h.RunThrough(Funding0800 + 120 * Ms);

        var trade = h.LastTrade;
        Assert.That((trade.Funding, trade.NetPnl), Is.EqualTo((1.5m, trade.GrossPnl - trade.Fees - 1.5m)));
    }
}
