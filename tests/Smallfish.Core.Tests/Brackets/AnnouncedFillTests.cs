using Smallfish.Core.Domain;
using Smallfish.Core.Tests.Engine;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Brackets;

/// <summary>
/// A venue may report an order's final status before its execution (Bybit: separate order and execution topics). A
/// take-profit that ends "filled" while its fill is still on the way must not be replaced for the position the engine
/// still books; if the announced fill never comes, the bracket acts again after a bounded wait.
/// </summary>
public sealed class AnnouncedFillTests
{
    [Test]
    public void OnOrderUpdate_TakeProfitFilledBeforeItsFill_NoSecondTakeProfitAndFlatOnTheFill()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var bracket = h.Engine.Brackets(0);
        var tp = bracket.TakeProfitOrder!;
        long lots = bracket.Position!.QtyLots;
        Assert.That(lots, Is.GreaterThan(0));
        int takeProfits = h.Orders.PlacedWith(OrderRole.TakeProfit).Count();

        h.Engine.OnOrderUpdate(new OrderUpdate(tp.ClientOrderId, null, Symbol, OrderStatus.Filled, lots, tp.PriceTicks, RejectReason.None, null, h.Now));
        h.RunThrough(h.Now + 300 * Ms);

        Assert.That(h.Orders.PlacedWith(OrderRole.TakeProfit).Count(), Is.EqualTo(takeProfits), "no new take-profit while the announced fill is on its way");
        Assert.That(bracket.Position, Is.Not.Null, "the position is booked until its fill arrives");

        h.Engine.OnFill(new Fill("late-1", tp.ClientOrderId, Symbol, Side.Sell, tp.PriceTicks, lots, 0m, true, h.Now));
        h.RunThrough(h.Now + 300 * Ms);

        Assert.That(bracket.Position, Is.Null, "the fill closed the position");
        Assert.That(h.Orders.PlacedWith(OrderRole.TakeProfit).Count(), Is.EqualTo(takeProfits));
        Assert.That(h.Journal.Trades, Has.Count.EqualTo(1));
    }

    [Test]
    public void OnOrderUpdate_AnnouncedFillNeverArrives_BracketActsAgainAfterTheWait()
    {
        using var h = new EngineHarness();
        h.OpenLong(T0);
        var bracket = h.Engine.Brackets(0);
        var tp = bracket.TakeProfitOrder!;
        int takeProfits = h.Orders.PlacedWith(OrderRole.TakeProfit).Count();

        h.Engine.OnOrderUpdate(new OrderUpdate(tp.ClientOrderId, null, Symbol, OrderStatus.Filled, bracket.Position!.QtyLots, tp.PriceTicks, RejectReason.None, null, h.Now));
        h.RunThrough(h.Now + Smallfish.Core.Brackets.BracketManager.AnnouncedFillWaitNs + 500 * Ms);

        Assert.That(h.Orders.PlacedWith(OrderRole.TakeProfit).Count(), Is.GreaterThan(takeProfits),
            "the position the engine still books gets its take-profit back once the wait is over");
    }
}
