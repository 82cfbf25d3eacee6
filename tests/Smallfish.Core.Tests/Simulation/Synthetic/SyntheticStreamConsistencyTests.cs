using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>The stream is internally consistent: it replays cleanly through the engine's Bybit book procedure.</summary>
public class SyntheticStreamConsistencyTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void Replay_ThroughBybitSynchronizer_NeverGapsOrCrosses(long seed)
    {
        var rec = SyntheticRuns.AllKinds(seed).Recorder;
        Assert.Multiple(() =>
        {
            Assert.That(rec.Snapshots, Is.EqualTo(1));
            Assert.That(rec.SyncResults[0], Is.EqualTo(BookSyncResult.Synced));
            Assert.That(rec.SyncResults.Skip(1), Has.All.EqualTo(BookSyncResult.Applied));
            Assert.That(rec.Book.IsValid, Is.True);
            Assert.That(rec.States.Min(s => s.Spread), Is.GreaterThanOrEqualTo(1));
            Assert.That(rec.LastUpdateId - 1_000_000, Is.EqualTo(rec.SyncResults.Count - 1), "u rises by exactly one per delta");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Trades_PrintAgainstVisibleSize_ExceptHiddenIcebergFills(long seed)
    {
        var run = SyntheticRuns.AllKinds(seed);
        var icebergs = run.Episodes(EpisodeKind.IcebergRefill).ToList();
        var uncovered = run.Recorder.Trades.Where(t => !t.Covered).ToList();
        var unexplained = uncovered.Where(t => !icebergs.Any(l =>
            l.Contains(t.TsNs) && t.PriceTicks == l.AnchorPriceTicks && t.Aggressor == l.ActiveSide!.Value.Opposite())).ToList();
        Assert.That(unexplained, Is.Empty, "a print took size that was not on the book outside a labeled iceberg");
        Assert.That(icebergs, Is.Not.Empty);
        Assert.That(uncovered, Is.Not.Empty, "icebergs print hidden size");
    }

    [Test]
    public void Trades_PrintAtTheBestPriceOrWalkFromIt()
    {
        // A print is at the best price of the side it hits, or deeper (an order walking levels); never better.
        var rec = SyntheticRuns.AllKinds(1).Recorder;
        int outside = rec.Trades.Count(t => t.Aggressor == Side.Buy ? t.PriceTicks < t.PassiveBest : t.PriceTicks > t.PassiveBest);
        Assert.That(outside, Is.Zero, "no print is better than the best price on the book");
    }

    [Test]
    public void Timestamps_AreOrdered_AndLocalFollowsExchange()
    {
        var run = SyntheticRuns.AllKinds(1);
        var rec = run.Recorder;
        Assert.Multiple(() =>
        {
            Assert.That(rec.OrderingFaults, Is.Zero);
            Assert.That(rec.LocalBeforeExchange, Is.Zero);
            Assert.That(rec.SymbolFaults, Is.Zero);
            Assert.That(rec.States.All(s => s.TsNs % 1_000_000 == 0), Is.True, "exchange time is stamped in whole ms by default");
            Assert.That(rec.States[^1].TsNs, Is.LessThan(run.Generator.EndNs));
            Assert.That(rec.Trades.Select(t => t.TradeId), Is.Ordered.Ascending.And.Unique);
        });
    }

    [Test]
    public void Book_KeepsAtLeastFiftyLevelsPerSide()
    {
        var rec = SyntheticRuns.AllKinds(2).Recorder;
        Assert.That(rec.States.Min(s => Math.Min(s.BidLevels, s.AskLevels)), Is.GreaterThanOrEqualTo(50));
    }

    [Test]
    public void Tickers_ArePeriodicWithFundingOnTheEightHourGrid()
    {
        var run = SyntheticRuns.AllKinds(1);
        var tickers = run.Recorder.Tickers;
        var tick = (double)run.Generator.Options.Instrument.TickSize;
        Assert.That(tickers, Has.Count.InRange(1195, 1200), "one per second over 20 minutes");
        foreach (var t in tickers)
        {
            Assert.That(t.NextFundingTimeNs % (8 * 3600 * 1_000_000_000L), Is.Zero);
            Assert.That(t.NextFundingTimeNs, Is.GreaterThan(t.ExchTsNs));
            Assert.That(t.NextFundingTimeNs - t.ExchTsNs, Is.LessThanOrEqualTo(8 * 3600 * 1_000_000_000L));
            Assert.That(Math.Abs(t.FundingRate - 0.0001), Is.LessThan(0.0001));
            var s = run.Recorder.StateAt(t.ExchTsNs);
            Assert.That(Math.Abs(t.MarkPrice / (s.Mid * tick) - 1), Is.LessThan(0.001), "mark stays within 10 bp of mid");
            Assert.That(Math.Abs(t.IndexPrice / (s.Mid * tick) - 1), Is.LessThan(0.001));
        }
        Assert.That(tickers[^1].Turnover24h, Is.GreaterThan(tickers[0].Turnover24h));
    }

    [Test]
    public void Bbo_WhenEnabled_FollowsTheBook()
    {
        var options = new SyntheticMarketOptions { Seed = 6, Duration = TimeSpan.FromMinutes(2), Feed = new SyntheticFeedOptions { EmitBbo = true } };
        var sink = new BboCheckingSink(options.Instrument);
        new SyntheticMarketGenerator(options).Run(sink);
        Assert.That(sink.BboCount, Is.GreaterThan(100));
        Assert.That(sink.Mismatches, Is.Zero);
    }

    private sealed class BboCheckingSink(Core.Instruments.InstrumentSpec spec) : IMarketEventSink
    {
        private readonly BybitBookSynchronizer _sync = new(new OrderBook(spec));
        public int BboCount;
        public int Mismatches;

        public void OnBook(BookUpdate update) => _sync.Apply(update);

        public void OnTrade(in TradeEvent trade) { }

        public void OnBbo(in BboEvent bbo)
        {
            BboCount++;
            var b = _sync.Book;
            if (bbo.BidTicks != b.BestBid || bbo.AskTicks != b.BestAsk || bbo.BidLots != b.Bids.BestQty || bbo.AskLots != b.Asks.BestQty
                || bbo.UpdateId != b.LastUpdateId) Mismatches++;
        }

        public void OnTicker(in TickerEvent ticker) { }
    }
}
