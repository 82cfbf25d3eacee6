using Smallfish.Core.Domain;
using Smallfish.Core.Risk;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.State;
using static Smallfish.Integration.Tests.TestSupport.JournalSamples;

namespace Smallfish.Integration.Tests.Journal;

/// <summary>Every record type written through the real SQLite journal comes back equal.</summary>
public class SqliteJournalRoundTripTests
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
    public async Task RecordDecision_ReadBack_EqualWithScoresWeightsAndGate()
    {
        var blocked = Decision(Day0Ns + 10, 42, GateReason.FundingWindow);
        var entered = Decision(Day0Ns + 20, 43);
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordDecision(blocked);
            journal.RecordDecision(entered);
        }
        using var reader = JournalReaderFor();
        var back = reader.ReadDecisions(Day0Ns, Day0Ns + 100);
        Assert.That(back, Has.Count.EqualTo(2));
        AssertDecision(back[0], blocked);
        AssertDecision(back[1], entered);
        Assert.That(reader.ReadDecisions(Day0Ns + 11, Day0Ns + 100), Has.Count.EqualTo(1), "the range is [from, to)");
    }

    [Test]
    public async Task RecordOrderSentAndUpdates_ReadBack_RequestAndEveryStateChange()
    {
        var request = new OrderRequest("sf1-0-7-S0", "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 25, 650_000, true, OrderRole.StopLoss);
        var updates = new[]
        {
            Update(request.ClientOrderId, OrderStatus.New, 0, Day0Ns + 2),
            Update(request.ClientOrderId, OrderStatus.PartiallyFilled, 10, Day0Ns + 3, "partial, \"fast\" market"),
            Update(request.ClientOrderId, OrderStatus.Filled, 25, Day0Ns + 4),
        };
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordOrderSent(request, Day0Ns + 1);
            foreach (var u in updates) journal.RecordOrderUpdate(u);
        }
        using var reader = JournalReaderFor();
        var orders = reader.ReadOrders();
        Assert.That(orders, Has.Count.EqualTo(1));
        Assert.That(orders[0].Request, Is.EqualTo(request));
        Assert.That(orders[0].SentNs, Is.EqualTo(Day0Ns + 1));
        Assert.That(orders[0].Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That(orders[0].FilledLots, Is.EqualTo(25));
        Assert.That(orders[0].ExchangeOrderId, Is.EqualTo("X-" + request.ClientOrderId));
        Assert.That(reader.ReadOrderUpdates(request.ClientOrderId), Is.EqualTo(updates));
    }

    [Test]
    public async Task RecordFill_ReadBack_ExactFeeAndFlags()
    {
        var fill = Fill("e-1", "sf1-0-1-E0", 4, Day0Ns + 5);
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordOrderSent(Order("sf1-0-1-E0"), Day0Ns);
            journal.RecordFill(fill);
        }
        using var reader = JournalReaderFor();
        Assert.That(reader.ReadFills("sf1-0-1-E0"), Is.EqualTo(new[] { fill }));
        Assert.That(reader.ReadFills("sf1-0-1-E0")[0].Fee.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("-0.00123456789"));
    }

    [Test]
    public async Task RecordFill_SameExecIdTwice_StoredOnceAndCounted()
    {
        var fill = Fill("e-dup", "sf1-0-1-E0", 4, Day0Ns + 5);
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordFill(fill);
            await journal.FlushAsync();
            journal.RecordFill(fill with { TsNs = fill.TsNs + 1 }); // a replayed execution report
            journal.RecordFill(Fill("e-other", "sf1-0-1-E0", 2, Day0Ns + 6));
            await journal.FlushAsync();
            Assert.That(journal.Stats.DuplicateFills, Is.EqualTo(1));
        }
        using var reader = JournalReaderFor();
        var fills = reader.ReadFills("sf1-0-1-E0");
        Assert.That(fills.Select(f => f.ExecId), Is.EqualTo(new[] { "e-dup", "e-other" }));
        Assert.That(fills[0].TsNs, Is.EqualTo(fill.TsNs), "the first report wins");
    }

    [Test]
    public async Task RecordTrade_ReadBack_EqualIncludingDecimals()
    {
        var t1 = Trade(Day0Ns + 1, Day0Ns + 100, 1.2345m);
        var t2 = Trade(Day0Ns + 200, Day0Ns + 300, -0.5000m) with { RMultiple = double.NaN, Reason = ExitReason.StopLoss };
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordTrade(t1);
            journal.RecordTrade(t2);
        }
        using var reader = JournalReaderFor();
        var back = reader.ReadTrades(Day0Ns, Day0Ns + 1000);
        Assert.That(back, Has.Count.EqualTo(2));
        Assert.That(back[0], Is.EqualTo(t1));
        Assert.That(back[1] with { RMultiple = 0 }, Is.EqualTo(t2 with { RMultiple = 0 }));
        Assert.That(back[1].RMultiple, Is.NaN);
        Assert.That(back[1].NetPnl.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("-0.5000"), "scale is kept");
    }

    [Test]
    public async Task RecordEquity_ReadBack_SeriesInTimeOrder()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            for (int i = 0; i < 5; i++) journal.RecordEquity(Equity(Day0Ns + i * 1_000, 1_000m + i * 0.01m));
        }
        using var reader = JournalReaderFor();
        var series = reader.ReadEquity(Day0Ns + 1_000, Day0Ns + 4_000);
        Assert.That(series.Select(e => e.Equity), Is.EqualTo(new[] { 1_000.01m, 1_000.02m, 1_000.03m }));
        Assert.That(series[0], Is.EqualTo(Equity(Day0Ns + 1_000, 1_000.01m)));
    }

    [Test]
    public async Task RecordShadowTrade_OpenedThenResolved_OneRowInItsLatestState()
    {
        var open = OpenShadow(Day0Ns + 10);
        var resolved = open with { ClosedNs = Day0Ns + 99, ExitPriceTicks = 15_060, RMultiple = 2.1818 };
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.RecordShadowTrade(open);
            await journal.FlushAsync();
            using (var mid = journal.OpenReader())
            {
                var pending = mid.ReadShadowTrades(Day0Ns, Day0Ns + 1_000);
                Assert.That(pending, Has.Count.EqualTo(1));
                Assert.That(pending[0].RMultiple, Is.NaN);
            }
            journal.RecordShadowTrade(resolved);
        }
        using var reader = JournalReaderFor();
        Assert.That(reader.ReadShadowTrades(Day0Ns, Day0Ns + 1_000), Is.EqualTo(new[] { resolved }));
        Assert.That(reader.CountRows("shadow_trades"), Is.EqualTo(1));
    }

    [Test]
    public async Task EngineState_EveryKind_SurvivesReopen()
    {
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock)))
        {
            journal.State.SetInt64("daily.trades", 17);
            journal.State.SetDouble("ema", 0.1 + 0.2);
            journal.State.SetDecimal("daily.pnl", -12.340m);
            journal.State.SetString("last.symbol", "ETHUSDT");
            journal.State.SetBoolean("kill", true);
            journal.State.SetInt64("daily.trades", 18);
            Assert.That(journal.State.TryGetInt64("daily.trades", out long before) && before == 18, "reads see writes at once");
        }
        await using var reopened = SqliteJournal.Open(Options(_dir.Path, _clock));
        var s = reopened.State;
        Assert.Multiple(() =>
        {
            Assert.That(s.TryGetInt64("daily.trades", out long n) ? n : -1, Is.EqualTo(18));
            Assert.That(s.TryGetDouble("ema", out double d) ? d : 0, Is.EqualTo(0.1 + 0.2));
            Assert.That(s.TryGetDecimal("daily.pnl", out decimal m) ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", Is.EqualTo("-12.340"));
            Assert.That(s.TryGetString("last.symbol", out var text) ? text : null, Is.EqualTo("ETHUSDT"));
            Assert.That(s.TryGetBoolean("kill", out bool k) && k);
            Assert.That(s.TryGetInt64("missing", out _), Is.False);
            Assert.That(s.Entries().Select(e => e.Key), Is.EqualTo(new[] { "daily.pnl", "daily.trades", "ema", "kill", "last.symbol" }));
            Assert.That(s.Entries()[0].UpdatedNs, Is.EqualTo(Day0Ns));
        });
        Assert.Throws<InvalidOperationException>(() => s.TryGetInt64("last.symbol", out _));
    }

    [Test]
    public async Task BeginRunAsync_EachOpen_NextRunNumberDurably()
    {
        long first, second;
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock))) first = await journal.BeginRunAsync();
        await using (var journal = SqliteJournal.Open(Options(_dir.Path, _clock))) second = await journal.BeginRunAsync();
        Assert.That((first, second), Is.EqualTo((1L, 2L)));
        using var reader = JournalReaderFor();
        Assert.That(reader.ReadEngineState().Single(e => e.Key == JournalStateKeys.RunCounter), Is.EqualTo(
            new EngineStateEntry(JournalStateKeys.RunCounter, EngineStateKind.Int64, "2", Day0Ns)));
    }

    private Smallfish.Persistence.Reading.JournalReader JournalReaderFor() =>
        Smallfish.Persistence.Reading.JournalReader.Open(Options(_dir.Path, _clock).DatabasePath);

    private static void AssertDecision(Smallfish.Core.Journal.DecisionRecord actual, Smallfish.Core.Journal.DecisionRecord expected)
    {
        Assert.That(actual with { Scores = [], Weights = [] }, Is.EqualTo(expected with { Scores = [], Weights = [] }));
        Assert.That(actual.Scores, Is.EqualTo(expected.Scores));
        Assert.That(actual.Weights, Is.EqualTo(expected.Weights));
    }
}
