using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Service.Engine;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Engine;

/// <summary>The adapter between the loop's <see cref="IEngineCore"/> and the real <see cref="TradingEngine"/>.</summary>
public sealed class TradingEngineCoreTests
{
    private sealed class NoSignals : ISignalEvaluator
    {
        public void Evaluate(int symbolId, in MarketFeatures features, long nowNs, FusionResult result)
        {
        }
    }

    private sealed class NoOrders : IOrderCommands
    {
        public void Place(OrderRequest request) => throw new AssertionException("no order expected");

        public void Cancel(string symbol, string clientOrderId) => throw new AssertionException("no cancel expected");

        public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) => throw new AssertionException("no amend expected");
    }

    private sealed class NullJournal : IJournal
    {
        public void RecordDecision(DecisionRecord decision) { }
        public void RecordOrderSent(OrderRequest request, long tsNs) { }
        public void RecordOrderUpdate(in OrderUpdate update) { }
        public void RecordFill(in Fill fill) { }
        public void RecordTrade(TradeResult trade) { }
        public void RecordEquity(EquitySnapshot snapshot) { }
        public void RecordShadowTrade(ShadowTrade shadow) { }
    }

    private static (TradingEngineCore Core, SimulatedClock Clock) Build()
    {
        using var dir = new ServiceDirectory();
        var clock = new SimulatedClock();
        TradingEngine engine = EngineBuilder.Build(new EngineSetup
        {
            Options = dir.Load().Options,
            Clock = clock,
            Orders = new NoOrders(),
            Journal = new NullJournal(),
            Signals = new NoSignals(),
            StartingEquity = 1000m,
        });
        return (new TradingEngineCore(engine), clock);
    }

    [Test]
    public void Holds_StopAndAllow_HaltWhileAnyHoldIsOn()
    {
        (TradingEngineCore core, SimulatedClock clock) = Build();

        core.StopEntries(EntryHold.FeedStale, clock.NowNs);
        core.StopEntries(EntryHold.LoopStalled, clock.NowNs);
        core.AllowEntries(EntryHold.FeedStale, clock.NowNs);
        bool haltedWithOneHold = core.Engine.IsHalted;
        core.AllowEntries(EntryHold.LoopStalled, clock.NowNs);

        Assert.That(haltedWithOneHold, Is.True);
        Assert.That(core.Engine.IsHalted, Is.False);
    }

    [Test]
    public void KillSwitch_ManualAndFault_TripOnceAndResume()
    {
        (TradingEngineCore core, SimulatedClock clock) = Build();

        bool first = core.TripKillSwitch(KillSwitchReason.DataFault, clock.NowNs, "feed");
        bool second = core.TripKillSwitch(KillSwitchReason.Manual, clock.NowNs, "telegram");
        RuntimeSnapshot tripped = core.PublishSnapshot(clock.NowNs);
        bool resumed = core.Resume(clock.NowNs);

        Assert.That((first, second, resumed), Is.EqualTo((true, false, true)));
        Assert.That(tripped.KillSwitch.Reason, Is.EqualTo(KillSwitchReason.DataFault));
        Assert.That(core.PublishSnapshot(clock.NowNs).KillSwitch.IsTripped, Is.False);
    }

    [Test]
    public void CancelEntryOrders_NoWorkingEntries_HaltsAndReportsNone()
    {
        (TradingEngineCore core, SimulatedClock clock) = Build();

        int cancels = core.CancelEntryOrders(clock.NowNs + TimeProviderExtensions.NsPerSecond);

        Assert.That(cancels, Is.Zero);
        Assert.That(core.Engine.IsHalted, Is.True);
        Assert.That(core.Holds, Is.EqualTo(EntryHold.ShuttingDown));
    }
}
