using Smallfish.Core.Domain;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Persistence.State;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Journal;

/// <summary>What a restart reads back: the journal's recovery view and the saved runtime state.</summary>
public class JournalRecoveryTests
{
    private TempDirectory _dir = null!;
    private SimulatedClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _clock = new SimulatedClock(Day0Ns);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task ReadRecovery_OpenLongWithStop_PositionLevelsOpenOrdersExecIdsRunAndSequence()
    {
        var stop = new OrderRequest("sf4-0-12-S0", "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 10, 651_000, true, OrderRole.StopLoss);
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordDecision(Decision(Day0Ns, 12));
            journal.RecordOrderSent(Order("sf4-0-12-E0"), Day0Ns + 1);
            journal.RecordOrderUpdate(Update("sf4-0-12-E0", OrderStatus.New, 0, Day0Ns + 2));
            journal.RecordFill(Fill("x1", "sf4-0-12-E0", 10, Day0Ns + 3));
            journal.RecordOrderUpdate(Update("sf4-0-12-E0", OrderStatus.Filled, 10, Day0Ns + 3));
            journal.RecordOrderSent(stop, Day0Ns + 4);
            journal.RecordOrderUpdate(Update("sf4-0-12-S0", OrderStatus.New, 0, Day0Ns + 5));
        }
        using var reader = JournalReader.Open(Path.Combine(_dir.Path, "journal.db"));

        var r = reader.ReadRecovery();

        var p = r.Positions.Single();
        Assert.Multiple(() =>
        {
            Assert.That((p.Symbol, p.Side, p.QtyLots, p.AvgEntryTicks, p.StopTicks, p.InitialStopTicks), Is.EqualTo(("BTCUSDT", Side.Buy, 10L, 651_351m, 651_000L, 651_000L)));
            Assert.That(r.OpenOrders.Select(o => (o.ClientOrderId, o.Status, o.ExchangeOrderId)), Is.EqualTo(new[] { ("sf4-0-12-S0", OrderStatus.New, (string?)"X-sf4-0-12-S0") }));
            Assert.That(r.ExecIds, Is.EquivalentTo(new[] { "x1" }));
            Assert.That((r.MaxRun, r.LastDecisionSequence), Is.EqualTo((4L, 12L)));
            Assert.That(r.LastActivityNs, Is.EqualTo(Day0Ns + 5), "the latest order, update or fill: the stop's acknowledgement");
        });
    }

    [Test]
    public async Task SavedRuntimeState_SaveThenReopen_LoadsTheSameDayKillSwitchAndPeak()
    {
        var snapshot = new RuntimeState(["BTCUSDT"], 1_000m, Day0Ns + 60).Snapshot() with
        {
            Equity = 987.65m,
            PeakEquity = 1_012.5m,
            LastLossNs = Day0Ns + 50,
            Daily = new DailyTotals(Day0Ns, -12.35m, -1.75, 2.25, 3, 3, 1, 2, 1),
            KillSwitch = new KillSwitchStatus(true, KillSwitchReason.SlippageBreaches, null, Day0Ns + 55, 0, 1),
        };
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            Assert.That(SavedRuntimeState.Load(journal.State), Is.Null, "nothing saved yet");
            SavedRuntimeState.Save(journal.State, snapshot);
        }
        await using var reopened = SqliteJournal.Open(Options(_dir.Path, _clock));

        var restored = SavedRuntimeState.Load(reopened.State);

        Assert.That(restored, Is.EqualTo(new RestoredState(987.65m, 1_012.5m, snapshot.Daily, snapshot.KillSwitch, Day0Ns + 50)));
    }
}
