using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Journal;

/// <summary>The read APIs the restart path and the reports use.</summary>
public class JournalReaderTests
{
    private const long DayNs = 86_400L * TimeProviderExtensions.NsPerSecond;
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
    public async Task ReadOpenOrders_MixOfStates_OnlyOrdersNotTerminal()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordOrderSent(Order("a"), Day0Ns + 1);                       // never acknowledged: open (PendingNew)
            journal.RecordOrderSent(Order("b"), Day0Ns + 2);
            journal.RecordOrderUpdate(Update("b", OrderStatus.New, 0, Day0Ns + 3)); // resting: open
            journal.RecordOrderSent(Order("c"), Day0Ns + 4);
            journal.RecordOrderUpdate(Update("c", OrderStatus.New, 0, Day0Ns + 5));
            journal.RecordOrderUpdate(Update("c", OrderStatus.Filled, 10, Day0Ns + 6)); // done
            journal.RecordOrderSent(Order("d", OrderRole.StopLoss), Day0Ns + 7);
            journal.RecordOrderUpdate(Update("d", OrderStatus.PartiallyFilled, 4, Day0Ns + 8)); // partly filled: open
            journal.RecordOrderSent(Order("e"), Day0Ns + 9);
            journal.RecordOrderUpdate(Update("e", OrderStatus.Rejected, 0, Day0Ns + 10)); // done
            journal.RecordOrderSent(Order("a"), Day0Ns + 11);                      // a retry of "a" with the same id: ignored
        }
        using var reader = Reader();
        var open = reader.ReadOpenOrders();
        Assert.That(open.Select(o => (o.Request.ClientOrderId, o.Status, o.FilledLots)), Is.EqualTo(new[]
        {
            ("a", OrderStatus.PendingNew, 0L),
            ("b", OrderStatus.New, 0L),
            ("d", OrderStatus.PartiallyFilled, 4L),
        }));
        Assert.That(open[0].SentNs, Is.EqualTo(Day0Ns + 1), "the first send is kept");
        Assert.That(open[2].Request.Role, Is.EqualTo(OrderRole.StopLoss));
        Assert.That(open[2].LastUpdateNs, Is.EqualTo(Day0Ns + 8));
    }

    [Test]
    public async Task ReadLastTrades_MoreThanAsked_NewestFirst()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            foreach (int i in new[] { 3, 1, 4, 0, 2 }) journal.RecordTrade(Trade(Day0Ns + i, Day0Ns + 100 * i, i));
        }
        using var reader = Reader();
        Assert.That(reader.ReadLastTrades(3).Select(t => t.NetPnl), Is.EqualTo(new[] { 4m, 3m, 2m }));
        Assert.That(reader.ReadLastTrades(0), Is.Empty);
    }

    [Test]
    public async Task ReadDailyPnl_TradesOnTwoDays_TotalsOfTheUtcDayByCloseTime()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordTrade(Trade(Day0Ns - 10, Day0Ns - 1, 5m));                 // closed the day before
            journal.RecordTrade(Trade(Day0Ns - 10, Day0Ns, 1.5m));                   // opened before, closed at 00:00:00
            journal.RecordTrade(Trade(Day0Ns + 10, Day0Ns + DayNs / 2, -0.75m));
            journal.RecordTrade(Trade(Day0Ns + 10, Day0Ns + DayNs - 1, 0m));
            journal.RecordTrade(Trade(Day0Ns + 10, Day0Ns + DayNs, 9m));             // next day
        }
        using var reader = Reader();
        var day = reader.ReadDailyPnl(new DateOnly(2026, 8, 9));
        Assert.That(day.Trades, Is.EqualTo(3));
        Assert.That((day.Wins, day.Losses), Is.EqualTo((1, 1)));
        Assert.That(day.NetPnl, Is.EqualTo(0.75m));
        Assert.That(day.GrossPnl, Is.EqualTo(1.05m));
        Assert.That(day.Fees, Is.EqualTo(3 * 0.0755m));
        Assert.That(day.Funding, Is.EqualTo(3 * 0.0245m));
        Assert.That(day.SumR, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(reader.ReadDailyPnl(new DateOnly(2026, 8, 10)).NetPnl, Is.EqualTo(9m));
    }

    [Test]
    public async Task CheckConsistency_CleanHistory_NoIssues()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordOrderSent(Order("a"), Day0Ns);
            journal.RecordOrderUpdate(Update("a", OrderStatus.New, 0, Day0Ns + 1));
            journal.RecordFill(Fill("x1", "a", 4, Day0Ns + 2));
            journal.RecordOrderUpdate(Update("a", OrderStatus.PartiallyFilled, 4, Day0Ns + 2));
            journal.RecordOrderUpdate(Update("a", OrderStatus.PendingCancel, 4, Day0Ns + 3));
            journal.RecordFill(Fill("x2", "a", 6, Day0Ns + 4));
            journal.RecordOrderUpdate(Update("a", OrderStatus.Filled, 10, Day0Ns + 4));
            journal.RecordOrderUpdate(Update("a", OrderStatus.Filled, 10, Day0Ns + 5)); // a resent final report
        }
        using var reader = Reader();
        var report = reader.CheckConsistency();
        Assert.That(report.Issues, Is.Empty);
        Assert.That(report.IsConsistent);
        Assert.That((report.OrdersChecked, report.FillsChecked), Is.EqualTo((1, 2)));
    }

    [Test]
    public async Task CheckConsistency_BrokenHistory_EachProblemReported()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordOrderSent(Order("a", qty: 5), Day0Ns);
            journal.RecordOrderUpdate(Update("a", OrderStatus.Filled, 5, Day0Ns + 1));
            journal.RecordOrderUpdate(Update("a", OrderStatus.New, 0, Day0Ns + 2));       // leaves a terminal state, un-fills
            journal.RecordFill(Fill("x1", "a", 4, Day0Ns + 1));
            journal.RecordFill(Fill("x2", "a", 4, Day0Ns + 1));                           // 8 lots on a 5-lot order
            journal.RecordFill(Fill("x3", "ghost", 1, Day0Ns + 3));                       // order never sent
            journal.RecordOrderUpdate(Update("ghost", OrderStatus.New, 0, Day0Ns + 3));
        }
        using var reader = Reader();
        var issues = reader.CheckConsistency().Issues;
        Assert.That(issues.Select(i => (i.Kind, i.ClientOrderId)), Is.EquivalentTo(new[]
        {
            (JournalIssueKind.IllegalTransition, "a"),
            (JournalIssueKind.FilledQtyDecreased, "a"),
            (JournalIssueKind.Overfilled, "a"),
            (JournalIssueKind.FillWithoutOrder, "ghost"),
            (JournalIssueKind.UpdateWithoutOrder, "ghost"),
        }));
    }

    [TestCase(OrderStatus.PendingNew, OrderStatus.New, true)]
    [TestCase(OrderStatus.PendingNew, OrderStatus.Rejected, true)]
    [TestCase(OrderStatus.New, OrderStatus.PartiallyFilled, true)]
    [TestCase(OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, true)]
    [TestCase(OrderStatus.PendingCancel, OrderStatus.PartiallyFilled, true)]
    [TestCase(OrderStatus.PendingCancel, OrderStatus.New, true)]
    [TestCase(OrderStatus.New, OrderStatus.Expired, true)]
    [TestCase(OrderStatus.Filled, OrderStatus.Filled, true)]
    [TestCase(OrderStatus.Filled, OrderStatus.Cancelled, false)]
    [TestCase(OrderStatus.Cancelled, OrderStatus.New, false)]
    [TestCase(OrderStatus.New, OrderStatus.PendingNew, false)]
    [TestCase(OrderStatus.PartiallyFilled, OrderStatus.New, false)]
    public void OrderStatusTransitions_IsLegal_MatchesTheLifeCycle(OrderStatus from, OrderStatus to, bool legal) =>
        Assert.That(OrderStatusTransitions.IsLegal(from, to), Is.EqualTo(legal));

    private JournalReader Reader() => JournalReader.Open(Options(_dir.Path, _clock).DatabasePath);
}
