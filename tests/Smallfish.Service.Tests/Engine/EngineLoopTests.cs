using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Service.Engine;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Engine;

public sealed class EngineLoopTests
{
    private static readonly string[] Symbols = ["BTCUSDT"];

    private sealed class NullJournal : Smallfish.Core.Journal.IJournal
    {
        public void RecordDecision(Smallfish.Core.Journal.DecisionRecord decision) { }
        public void RecordOrderSent(OrderRequest request, long tsNs) { }
        public void RecordOrderUpdate(in OrderUpdate update) { }
        public void RecordFill(in Fill fill) { }
        public void RecordTrade(TradeResult trade) { }
        public void RecordEquity(Smallfish.Core.Journal.EquitySnapshot snapshot) { }
        public void RecordShadowTrade(Smallfish.Core.Journal.ShadowTrade shadow) { }
    }

    [Test]
    public async Task Market_QueueFull_DropsCountsAndAsksForABookResync()
    {
        var clock = new SimulatedClock();
        var engine = new FakeEngineCore(Symbols, new NullJournal(), clock.NowNs, []);
        await using var loop = new EngineLoop(new ServiceOptions { EngineQueueCapacity = 1024 }, clock, NullLogger<EngineLoop>.Instance);
        var dropped = new List<int>();
        loop.BookDropped += dropped.Add;
        var book = new BookUpdate { SymbolId = 0 };
        book.Bids.Add(100, 1);

        // Not started: nothing drains the queue, so the 1025th event finds it full.
        for (int i = 0; i < 1024; i++) loop.Market.OnTrade(new TradeEvent(0, i, i, 100, 1, Side.Buy));
        loop.Market.OnBook(book);
        loop.Market.OnTrade(new TradeEvent(0, 1, 1, 100, 1, Side.Sell));
        loop.Start(engine);
        bool drained = SpinWait.SpinUntil(() => loop.Counters.MarketEvents == 1024, TimeSpan.FromSeconds(10));

        Assert.That(drained, Is.True);
        Assert.That(loop.Counters.DroppedMarketEvents, Is.EqualTo(2));
        Assert.That(dropped, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public async Task Process_EngineThrows_InputSkippedLoopGoesOn()
    {
        var clock = new SimulatedClock();
        var engine = new ThrowingOnFill(new FakeEngineCore(Symbols, new NullJournal(), clock.NowNs, []));
        await using var loop = new EngineLoop(new ServiceOptions(), clock, NullLogger<EngineLoop>.Instance);
        loop.Start(engine);

        loop.Executions.OnFill(new Fill("x1", "c1", "BTCUSDT", Side.Buy, 100, 1, 0m, true, 1));
        loop.Executions.OnOrderUpdate(new OrderUpdate("c1", null, "BTCUSDT", OrderStatus.Filled, 1, 100, RejectReason.None, null, 2));
        bool killed = await loop.SendAsync(EngineCommand.Kill(Smallfish.Core.State.KillSwitchReason.Manual, "test"), CancellationToken.None);

        Assert.That(loop.Counters.Faults, Is.EqualTo(1));
        Assert.That(killed, Is.True, "commands after the fault still run");
        Assert.That(loop.Latest!.KillSwitch.IsTripped, Is.True);
        Assert.That(engine.Inner.CallLog, Does.Contain("update c1 Filled"));
    }

    private sealed class ThrowingOnFill(FakeEngineCore inner) : Smallfish.Core.Engine.IEngineCore
    {
        public FakeEngineCore Inner => inner;
        public void OnBook(BookUpdate update) => inner.OnBook(update);
        public void OnTrade(in TradeEvent trade) => inner.OnTrade(trade);
        public void OnBbo(in BboEvent bbo) => inner.OnBbo(bbo);
        public void OnTicker(in TickerEvent ticker) => inner.OnTicker(ticker);
        public void OnOrderUpdate(in OrderUpdate update) => inner.OnOrderUpdate(update);
        public void OnFill(in Fill fill) => throw new InvalidOperationException("bad fill");
        public void OnFunding(in FundingPayment payment) => inner.OnFunding(payment);
        public void OnTimer(long nowNs) => inner.OnTimer(nowNs);
        public bool TripKillSwitch(Smallfish.Core.State.KillSwitchReason reason, long nowNs, string? detail) => inner.TripKillSwitch(reason, nowNs, detail);
        public bool Resume(long nowNs) => inner.Resume(nowNs);
        public void StopEntries(Smallfish.Core.Engine.EntryHold hold, long nowNs) => inner.StopEntries(hold, nowNs);
        public void AllowEntries(Smallfish.Core.Engine.EntryHold hold, long nowNs) => inner.AllowEntries(hold, nowNs);
        public int CancelEntryOrders(long nowNs) => inner.CancelEntryOrders(nowNs);
        public Smallfish.Core.State.RuntimeSnapshot PublishSnapshot(long nowNs) => inner.PublishSnapshot(nowNs);
    }
}
