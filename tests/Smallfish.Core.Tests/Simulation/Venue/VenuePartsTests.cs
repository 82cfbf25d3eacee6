using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Feed;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Positions;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>The small parts the venue is built from: positions, random source, timeline, feed delay line.</summary>
public class VenuePartsTests
{
    [Test]
    public void NetPosition_AddReduceFlip_AverageAndRealized()
    {
        var p = new NetPosition();
        Assert.That(p.Apply(Side.Buy, 1000, 2), Is.Zero);
        Assert.That(p.Apply(Side.Buy, 1003, 1), Is.Zero);
        Assert.That((p.NetLots, p.AvgEntryTicks), Is.EqualTo((3L, 1001m)));
        Assert.That(p.Apply(Side.Sell, 1005, 1), Is.EqualTo(4m));          // 1 lot x (1005 - 1001)
        Assert.That(p.Apply(Side.Sell, 999, 4), Is.EqualTo(-4m));          // closes 2 at -2 each, opens 2 short
        Assert.That((p.NetLots, p.AvgEntryTicks), Is.EqualTo((-2L, 999m)));
        Assert.That(p.ReducibleBy(Side.Buy), Is.EqualTo(2));
        Assert.That(p.ReducibleBy(Side.Sell), Is.Zero);
        Assert.That(p.Apply(Side.Buy, 990, 2), Is.EqualTo(18m));           // short 2 from 999 covered at 990
        Assert.That((p.NetLots, p.AvgEntryTicks), Is.EqualTo((0L, 0m)));
    }

    [Test]
    public void SeededRandom_SameSeed_SameSequence_DifferentSeed_Differs()
    {
        var a = new SeededRandom(5);
        var b = new SeededRandom(5);
        var c = new SeededRandom(6);
        var sa = Enumerable.Range(0, 16).Select(_ => a.NextUInt64()).ToArray();
        Assert.That(Enumerable.Range(0, 16).Select(_ => b.NextUInt64()), Is.EqualTo(sa));
        Assert.That(Enumerable.Range(0, 16).Select(_ => c.NextUInt64()), Is.Not.EqualTo(sa));
        for (int i = 0; i < 1000; i++) Assert.That(a.NextInclusive(6), Is.InRange(0, 6));
    }

    [Test]
    public void Timeline_EventsAtSameTime_ReleasedInSchedulingOrderAcrossSources()
    {
        var clock = new SimulatedClock(0);
        var timeline = new SimulationTimeline(clock);
        var released = new List<(string, long)>();
        var x = new ListSource(timeline, "x", released);
        var y = new ListSource(timeline, "y", released);
        y.Add(50);
        x.Add(50);
        x.Add(20);
        y.Add(90);
        timeline.RunUntil(90);
        Assert.That(released, Is.EqualTo(new[] { ("x", 20L), ("y", 50L), ("x", 50L) }), "strictly before 90");
        Assert.That(clock.NowNs, Is.EqualTo(90));
        timeline.RunThrough(90);
        Assert.That(released[^1], Is.EqualTo(("y", 90L)));
    }

    [Test]
    public void Timeline_TimerBetweenEvents_FiresAtItsTimeAndItsCommandRunsInOrder()
    {
        var clock = new SimulatedClock(0);
        var timeline = new SimulationTimeline(clock);
        var released = new List<(string, long)>();
        var source = new ListSource(timeline, "s", released);
        source.Add(10_000);
        using var timer = clock.CreateTimer(_ =>
        {
            released.Add(("timer", clock.NowNs));
            source.Add(clock.NowNs + 1_000); // e.g. a command with 1 us of entry latency
        }, null, TimeSpan.FromTicks(50), Timeout.InfiniteTimeSpan);

        timeline.RunThrough(20_000);
        Assert.That(released, Is.EqualTo(new[] { ("timer", 5_000L), ("s", 6_000L), ("s", 10_000L) }));
        Assert.That(clock.NowNs, Is.EqualTo(20_000));
    }

    [Test]
    public void FeedDelayLine_JitterNeverReordersEvents_AndCopiesBooks()
    {
        var clock = new SimulatedClock(0);
        var timeline = new SimulationTimeline(clock);
        var latency = new JitterLatencyModel(new ConstantLatencyModel(100, 0, 0), 1_000, 0, 0, seed: 3);
        var feed = new FeedDelayLine(timeline, latency);
        var sink = new RecordingMarketSink();
        feed.Connect(sink);
        var buffer = new BookUpdate();
        for (int i = 1; i <= 50; i++)
        {
            buffer.Reset();
            buffer.ExchTsNs = i * 10;
            buffer.LastUpdateId = i;
            buffer.Bids.Add(1000 - i, i);
            feed.OnBook(buffer);
            feed.OnTrade(new TradeEvent(0, i * 10 + 5, 0, 1000, 1, Side.Buy, TradeId: i));
        }
        buffer.Reset(); // the source buffer is reused by the reader: delivered copies must not change
        timeline.RunThrough(10_000);

        Assert.That(sink.BookIds, Is.EqualTo(Enumerable.Range(1, 50).Select(i => (long)i)));
        Assert.That(sink.BookBids, Is.EqualTo(Enumerable.Range(1, 50).Select(i => 1000L - i)));
        Assert.That(sink.Deliveries, Is.Ordered);
        Assert.That(sink.Deliveries.Zip(sink.Exch).All(p => p.First - p.Second >= 100), Is.True, "never earlier than the baseline");
        Assert.That(feed.Pending, Is.Zero);
    }

    [Test]
    public void RecordedFeedLatency_UsesLocalTimeWhenLater()
    {
        var model = new RecordedFeedLatencyModel(new ConstantLatencyModel(7, 8, 9));
        Assert.That(model.FeedLatencyNs(1_000, 1_250), Is.EqualTo(250));
        Assert.That(model.FeedLatencyNs(1_000, 0), Is.EqualTo(7));
        Assert.That((model.EntryLatencyNs(0), model.ResponseLatencyNs(0)), Is.EqualTo((8L, 9L)));
    }

    private sealed class ListSource : ITimedSource
    {
        private readonly TimedQueue<long> _queue = new();
        private readonly SimulationTimeline _timeline;
        private readonly string _name;
        private readonly List<(string, long)> _released;

        public ListSource(SimulationTimeline timeline, string name, List<(string, long)> released)
        {
            _timeline = timeline;
            _name = name;
            _released = released;
            timeline.Register(this);
        }

        public void Add(long at) => _queue.Enqueue(_timeline.NextKey(at), at);

        public bool TryPeek(out EventKey key) => _queue.TryPeekKey(out key);

        public void ReleaseNext() => _released.Add((_name, _queue.Dequeue()));
    }

    private sealed class RecordingMarketSink : IMarketEventSink
    {
        public List<long> BookIds { get; } = new();
        public List<long> BookBids { get; } = new();
        public List<long> Deliveries { get; } = new();
        public List<long> Exch { get; } = new();

        public void OnBook(BookUpdate update)
        {
            BookIds.Add(update.LastUpdateId);
            BookBids.Add(update.Bids.PriceAt(0));
            Deliveries.Add(update.LocalTsNs);
            Exch.Add(update.ExchTsNs);
        }

        public void OnTrade(in TradeEvent trade)
        {
            Deliveries.Add(trade.LocalTsNs);
            Exch.Add(trade.ExchTsNs);
        }

        public void OnBbo(in BboEvent bbo) { }

        public void OnTicker(in TickerEvent ticker) { }
    }
}
