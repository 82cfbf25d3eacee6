using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;

namespace Smallfish.Core.Tests.Engine;

/// <summary>The engine's market path allocates nothing in steady state, with or without a (coalesced) blocked wish.</summary>
public class EngineAllocationTests
{
    private sealed class NoOrders : IOrderCommands
    {
        public void Place(OrderRequest request) => throw new InvalidOperationException("no order expected");
        public void Cancel(string symbol, string clientOrderId) => throw new InvalidOperationException("no cancel expected");
        public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) => throw new InvalidOperationException("no amend expected");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void MarketEvents_SteadyState_AllocateNothing(bool wantsBlockedEntry)
    {
        var specs = new[] { EngineHarness.Spec };
        var options = EngineHarness.DefaultOptions(specs);
        var clock = new SimulatedClock(EngineHarness.T0);
        var signals = new ScriptedEvaluator();
        var journal = new InMemoryJournal();
        var engine = EngineBuilder.Build(new EngineSetup
        {
            Options = options, Clock = clock, Orders = new NoOrders(), Journal = journal, Signals = signals,
            StartingEquity = 10_000m, Instruments = new InstrumentCatalog(specs),
        });
        if (wantsBlockedEntry) signals.Want(+1); // blocked by the 3-tick spread below, journaled once

        var update = new BookUpdate { Kind = BookUpdateKind.Snapshot, LastUpdateId = 1, ExchTsNs = clock.NowNs, LocalTsNs = clock.NowNs };
        for (int i = 0; i < 50; i++)
        {
            update.Bids.Add(999 - i, 100);
            update.Asks.Add(1002 + i, 100);
        }
        engine.OnBook(update);
        long id = 1;
        void Run(int n)
        {
            for (int i = 0; i < n; i++)
            {
                clock.AdvanceTo(clock.NowNs + 1_000_000);
                update.Reset();
                update.Kind = BookUpdateKind.Delta;
                update.LastUpdateId = ++id;
                update.ExchTsNs = update.LocalTsNs = clock.NowNs;
                update.Bids.Add(999 - (i % 5), 100 + i % 7);
                update.Asks.Add(1002 + (i % 5), 100 + i % 3);
                engine.OnBook(update);
                engine.OnTrade(new TradeEvent(0, clock.NowNs, clock.NowNs, i % 2 == 0 ? 999 : 1002, 1 + i % 4, i % 2 == 0 ? Side.Sell : Side.Buy));
            }
        }

        Run(20_000); // features warm up, tiers settle
        // A per-event allocation shows in every measurement; a one-off (background JIT tiering) does not repeat.
        long allocated = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(5_000);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0) break;
        }

        Assert.That(allocated, Is.Zero);
        Assert.That(journal.Decisions, Has.Count.EqualTo(wantsBlockedEntry ? 1 : 0));
        Assert.That(signals.Calls, Is.GreaterThan(50_000));
    }
}
