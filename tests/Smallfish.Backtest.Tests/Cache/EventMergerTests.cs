using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;

namespace Smallfish.Backtest.Tests.Cache;

public class EventMergerTests
{
    [Test]
    public void DrainTo_ThreeSources_ExchangeTimeOrderTiesBySourceThenArrival()
    {
        // (time, trade id) pairs; a source's trade ids give its arrival order
        var a = Source((1, 10), (3, 11), (3, 12), (5, 13));
        var b = Source((2, 20), (3, 21), (4, 22));
        var c = Source((0, 30), (3, 31), (9, 32));
        var sink = new CapturingSink();

        using var merger = new EventMerger([a, b, c]);
        long n = merger.DrainTo(sink);

        Assert.Multiple(() =>
        {
            Assert.That(n, Is.EqualTo(10));
            Assert.That(Ids(sink), Is.EqualTo(new long[] { 30, 10, 20, 11, 12, 21, 31, 22, 13, 32 }));
            Assert.That((merger.FirstTsNs, merger.LastTsNs, merger.OutOfOrderEvents), Is.EqualTo((0L, 9L, 0L)));
        });
    }

    [Test]
    public void ReaderEventSource_LinesOutOfOrderWithinWindow_DeliveredInExchangeTimeOrder()
    {
        var source = new ReaderEventSource(new ScriptedReader([[5, 7], [6], [4, 8], [12], [9]]), reorderWindowNs: 5);
        var times = Drain(source);
        Assert.Multiple(() =>
        {
            Assert.That(times, Is.EqualTo(new long[] { 4, 5, 6, 7, 8, 9, 12 }));
            Assert.That(source.LateEvents, Is.Zero);
        });
    }

    [Test]
    public void ReaderEventSource_EventLaterThanWindow_DeliveredNextAndCountedLate()
    {
        var source = new ReaderEventSource(new ScriptedReader([[10], [20], [30], [12], [40]]), reorderWindowNs: 5);
        var times = Drain(source);
        Assert.Multiple(() =>
        {
            Assert.That(times, Is.EqualTo(new long[] { 10, 20, 12, 30, 40 }), "12 arrived after 20 had left: it cannot be put before it");
            Assert.That(source.LateEvents, Is.EqualTo(1));
        });
    }

    [Test]
    public void ReaderEventSource_EqualTimes_KeepArrivalOrder()
    {
        var source = new ReaderEventSource(new ScriptedReader([[3, 3], [3], [1]]), reorderWindowNs: 10);
        var sink = new CapturingSink();
        while (source.TryPeekTime(out _)) source.DeliverNext(sink);
        Assert.That(Ids(sink), Is.EqualTo(new long[] { 3, 0, 1, 2 }));
    }

    private static long[] Ids(CapturingSink sink) =>
        sink.Events.Select(e => long.Parse(e.Split("TradeId = ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static List<long> Drain(IOrderedEventSource source)
    {
        var times = new List<long>();
        while (source.TryPeekTime(out long t))
        {
            times.Add(t);
            source.DeliverNext(NullEventSink.Instance);
        }
        return times;
    }

    private static IOrderedEventSource Source(params (long Ts, long Id)[] events) =>
        new ReaderEventSource(new ScriptedReader(events.Select(e => new[] { e }).ToArray()), reorderWindowNs: 0);

    /// <summary>A reader pushing the given trades, one line per array (times as trade ids when no id is given).</summary>
    private sealed class ScriptedReader : IEventReader
    {
        private readonly (long Ts, long Id)[][] _lines;
        private int _next;

        public ScriptedReader((long Ts, long Id)[][] lines) => _lines = lines;

        public ScriptedReader(long[][] times)
        {
            int id = 0;
            _lines = times.Select(line => line.Select(t => (t, (long)id++)).ToArray()).ToArray();
        }

        public string Name => "scripted";

        public long Lines => _next;

        public long SkippedLines => 0;

        public bool ReadNext(IMarketEventSink sink)
        {
            if (_next == _lines.Length) return false;
            foreach (var (ts, id) in _lines[_next++]) sink.OnTrade(new TradeEvent(0, ts, ts, 100, 1, Side.Buy, id));
            return true;
        }

        public void Dispose()
        {
        }
    }
}
