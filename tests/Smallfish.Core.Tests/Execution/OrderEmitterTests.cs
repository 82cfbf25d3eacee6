using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Journal;
using Smallfish.Core.State;

namespace Smallfish.Core.Tests.Execution;

public class OrderEmitterTests
{
    private const long T = 1_700_000_000L * 1_000_000_000;

    private sealed class NullCommands : IOrderCommands
    {
        public int Sent;
        public void Place(OrderRequest request) => Sent++;
        public void Cancel(string symbol, string clientOrderId) => Sent++;
        public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) => Sent++;
    }

    private static (OrderEmitter Emitter, NullCommands Commands, InMemoryJournal Journal, RuntimeState State) Create()
    {
        var commands = new NullCommands();
        var journal = new InMemoryJournal();
        var state = new RuntimeState(["BTCUSDT"], 1000m, T);
        return (new OrderEmitter(commands, journal, state), commands, journal, state);
    }

    private static OrderRequest Stop(string id = "sf1-0-1-S0") =>
        new(id, "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 10, 990, true, OrderRole.StopLoss);

    private static OrderUpdate Update(string id, OrderStatus status, long filled = 0, RejectReason reject = RejectReason.None) =>
        new(id, "x1", "BTCUSDT", status, filled, 0, reject, null, T);

    [Test]
    public void Place_SameClientOrderIdTwice_Throws()
    {
        var (emitter, commands, journal, state) = Create();
        emitter.Place(Stop(), 0, 1, 990, T);
        Assert.Throws<InvalidOperationException>(() => emitter.Place(Stop(), 0, 1, 990, T));
        Assert.That((commands.Sent, journal.OrdersSent.Count, state.WorkingOrders.Count), Is.EqualTo((1, 1, 1)));
    }

    [Test]
    public void ApplyUpdate_AckAmendRejectThenTerminal_ClassifiedAndRetired()
    {
        var (emitter, _, _, state) = Create();
        var o = emitter.Place(Stop(), 0, 1, 990, T);
        Assert.That(emitter.ApplyUpdate(Update(o.ClientOrderId, OrderStatus.New), out _), Is.EqualTo(OrderEvent.Acknowledged));
        Assert.That(emitter.Amend(o, 995, 0, T), Is.True);
        Assert.That(o.TriggerTicks, Is.EqualTo(995));
        Assert.That(emitter.ApplyUpdate(Update(o.ClientOrderId, OrderStatus.New, reject: RejectReason.Other), out _), Is.EqualTo(OrderEvent.AmendRejected));
        Assert.That(emitter.Amend(o, 995, 10, T), Is.False, "nothing would change");
        emitter.Cancel(o, T);
        Assert.That(emitter.ApplyUpdate(Update(o.ClientOrderId, OrderStatus.Cancelled), out _), Is.EqualTo(OrderEvent.Terminal));
        Assert.Multiple(() =>
        {
            Assert.That(emitter.LiveCount, Is.Zero);
            Assert.That(state.WorkingOrders, Is.Empty);
            Assert.That(emitter.ApplyUpdate(Update(o.ClientOrderId, OrderStatus.Cancelled, reject: RejectReason.OrderNotFound), out _), Is.EqualTo(OrderEvent.Repeated));
            Assert.That(emitter.ApplyUpdate(Update("sf9-9-9-E0", OrderStatus.New), out var unknown), Is.EqualTo(OrderEvent.Unknown));
            Assert.That(unknown, Is.Null);
        });
    }

    [Test]
    public void ApplyFill_AfterTheTerminalUpdate_StillFindsItsOrderAndMeasuresSlippage()
    {
        var (emitter, _, _, _) = Create();
        var o = emitter.Place(Stop(), 0, 1, 990, T);
        emitter.ApplyUpdate(Update(o.ClientOrderId, OrderStatus.Filled, filled: 10), out _);
        var fill = new Fill("e1", o.ClientOrderId, "BTCUSDT", Side.Sell, 985, 10, 0.1m, false, T);
        var found = emitter.ApplyFill(fill, out long slippage, out long added);
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.SameAs(o));
            Assert.That((slippage, added), Is.EqualTo((5L, 5L)), "a sell stop at 99.0 filled at 98.5");
            Assert.That(o.Order.Status, Is.EqualTo(OrderStatus.Filled), "a late fill does not reopen it");
        });
    }

    [Test]
    public void CancelUnanswered_PlacementWithoutAnswer_SendsACancelAfterTheTimeout()
    {
        var (emitter, commands, _, _) = Create();
        var o = emitter.Place(Stop(), 0, 1, 990, T);
        Assert.That(emitter.CancelUnanswered(T + 999, 1000), Is.Zero);
        Assert.That(emitter.CancelUnanswered(T + 1000, 1000), Is.EqualTo(1));
        Assert.That((o.CancelRequested, commands.Sent), Is.EqualTo((true, 2)));
    }
}
