using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Recovery;

namespace Smallfish.Core.Tests.Recovery;

public class JournalRecoveryBuilderTests
{
    private const string Symbol = "BTCUSDT";

    private static OrderRequest Request(string id, Side side, OrderType type, long price, long qty, long trigger, OrderRole role) =>
        new(id, Symbol, side, type, type == OrderType.Limit ? TimeInForce.GoodTillCancel : TimeInForce.GoodTillCancel, price, qty, trigger, role != OrderRole.Entry, role);

    private static Fill Fill(string exec, string id, Side side, long px, long qty, long ts) => new(exec, id, Symbol, side, px, qty, 0.01m, true, ts);

    private static OrderUpdate Update(string id, OrderStatus status, long filled) => new(id, "x-" + id, Symbol, status, filled, 0, RejectReason.None, null, 0);

    [Test]
    public void From_OpenPositionWithBracket_KnowsItsSizeLevelsAndOpenOrders()
    {
        var j = new InMemoryJournal();
        j.RecordDecision(new DecisionRecord(1, Symbol, 4, 1, 0.8, 5, 5, [], [], Smallfish.Core.Risk.GateReason.Pass, "enter", 1000, 10));
        j.RecordOrderSent(Request("sf3-0-4-E0", Side.Buy, OrderType.Limit, 1000, 10, 0, OrderRole.Entry), 10);
        j.RecordFill(Fill("e1", "sf3-0-4-E0", Side.Buy, 1000, 4, 20));
        j.RecordOrderSent(Request("sf3-0-4-S0", Side.Sell, OrderType.StopMarket, 0, 4, 990, OrderRole.StopLoss), 21);
        j.RecordOrderSent(Request("sf3-0-4-T0", Side.Sell, OrderType.Limit, 1020, 4, 0, OrderRole.TakeProfit), 21);
        j.RecordFill(Fill("e2", "sf3-0-4-E0", Side.Buy, 1001, 6, 30));
        j.RecordOrderUpdate(Update("sf3-0-4-E0", OrderStatus.Filled, 10));
        j.RecordOrderSent(Request("sf3-0-4-S1", Side.Sell, OrderType.StopMarket, 0, 10, 991, OrderRole.StopLoss), 31);
        j.RecordOrderUpdate(Update("sf3-0-4-S0", OrderStatus.Cancelled, 0));
        j.RecordOrderUpdate(Update("sf3-0-4-S1", OrderStatus.New, 0));

        var r = JournalRecoveryBuilder.From(j);

        var p = r.Positions.Single();
        Assert.Multiple(() =>
        {
            Assert.That((p.Side, p.QtyLots, p.AvgEntryTicks, p.OpenedNs, p.Sequence), Is.EqualTo((Side.Buy, 10L, 1000.6m, 20L, 4L)));
            Assert.That((p.StopTicks, p.InitialStopTicks, p.TakeProfitTicks, p.PartialTaken), Is.EqualTo((991L, 990L, 1020L, false)));
            Assert.That(p.Fills.Select(f => f.ExecId), Is.EqualTo(new[] { "e1", "e2" }));
            Assert.That(r.OpenOrders.Select(o => (o.ClientOrderId, o.Status)), Is.EqualTo(new[]
            {
                ("sf3-0-4-T0", OrderStatus.PendingNew), ("sf3-0-4-S1", OrderStatus.New),
            }));
            Assert.That(r.OpenOrders[1].ExchangeOrderId, Is.EqualTo("x-sf3-0-4-S1"));
            Assert.That(r.ExecIds, Is.EquivalentTo(new[] { "e1", "e2" }));
            Assert.That((r.MaxRun, r.LastDecisionSequence), Is.EqualTo((3L, 4L)));
            Assert.That(r.LastActivityNs, Is.EqualTo(31), "the latest order sent or fill (the stop resent at 31, after the fill at 30)");
            Assert.That(r.SymbolActivityNs, Is.EquivalentTo(new Dictionary<string, long> { [Symbol] = 31 }));
            Assert.That(r.ExchangeOrderIds, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["x-sf3-0-4-E0"] = "sf3-0-4-E0", ["x-sf3-0-4-S0"] = "sf3-0-4-S0", ["x-sf3-0-4-S1"] = "sf3-0-4-S1",
            }), "finished orders too: an execution row without a client id is attributed through them");
        });
    }

    [Test]
    public void Build_ClosedRoundTripThenForeignFill_NoPositionAndRepeatedExecIgnored()
    {
        var b = new JournalRecoveryBuilder();
        b.AddOrder(new KnownOrder(Request("sf2-0-9-E0", Side.Sell, OrderType.Limit, 1000, 5, 0, OrderRole.Entry), 1, OrderStatus.Filled, 5, "a"));
        b.AddFill(Fill("f1", "sf2-0-9-E0", Side.Sell, 1000, 5, 2));
        b.AddFill(Fill("f1", "sf2-0-9-E0", Side.Sell, 1000, 5, 2)); // the same execution twice
        b.AddFill(Fill("f2", "sf2-0-9-T0", Side.Buy, 980, 5, 3));
        b.AddFill(Fill("f3", "manual-1", Side.Buy, 970, 2, 4));

        var r = b.Build();

        Assert.Multiple(() =>
        {
            Assert.That(r.Positions, Is.Empty, "a foreign fill is not Smallfish's position");
            Assert.That(r.OpenOrders, Is.Empty);
            Assert.That(r.ExecIds, Is.EquivalentTo(new[] { "f1", "f2", "f3" }));
            Assert.That(r.MaxRun, Is.EqualTo(2));
        });
    }

    [Test]
    public void ReconciliationInput_IdsOfLaterRunsOnTheExchange_NextRunIsAboveAll()
    {
        var input = new ReconciliationInput
        {
            RunCounter = 4,
            Journal = JournalRecovery.Empty with { MaxRun = 5, LastDecisionSequence = 12 },
            OpenOrders = [new ExchangeOpenOrder("sf6-1-30-S0", "1", Symbol, Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 990, 3, 0, true, OrderStatus.New),
                new ExchangeOpenOrder("web-77", "2", Symbol, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, 900, 3, 0, 0, false, OrderStatus.New)],
            Executions = [new Fill("x", "sf9-0-2-X0", Symbol, Side.Sell, 1000, 1, 0, false, 5)],
        };

        Assert.Multiple(() =>
        {
            Assert.That(input.MaxRunSeen(), Is.EqualTo(9));
            Assert.That(input.NextRun(), Is.EqualTo(10));
            Assert.That(input.MaxSequenceSeen(), Is.EqualTo(30));
        });
    }
}
