using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue.Feed;

/// <summary>
/// Delivers market events to the strategy as a live feed would: each event leaves the exchange at its exchange time
/// and reaches the strategy <see cref="ILatencyModel.FeedLatencyNs"/> later, released by the
/// <see cref="SimulationTimeline"/> with the clock at the delivery time. Delivered events carry the simulated receive
/// time in <c>LocalTsNs</c>, so the engine's latency gates (local - exchange time) see the simulated delay. Events
/// never overtake each other (a feed is one ordered connection): a delivery time is never earlier than the one
/// before it, so the line is a plain first-in first-out ring (keys only grow) rather than a priority queue. Book
/// messages are copied into pooled buffers, so nothing is allocated per event once the pool and the ring have grown
/// to the number of messages in flight.
/// </summary>
public sealed class FeedDelayLine : IMarketEventSink, ITimedSource
{
    private readonly SimulationTimeline _timeline;
    private readonly ILatencyModel _latency;
    // The line's order: key and kind of each event. The payloads wait in one queue per kind (an event of a kind is
    // always the oldest of its kind when its turn comes), so only the fields an event has are copied in and out.
    private readonly Queue<(EventKey Key, MarketEventKind Kind)> _queue = new(64);
    private readonly Queue<BookUpdate> _books = new(16);
    private readonly Queue<TradeEvent> _trades = new(64);
    private readonly Queue<BboEvent> _bbos = new(64);
    private readonly Queue<TickerEvent> _tickers = new(4);
    private readonly Stack<BookUpdate> _pool = new();
    private IMarketEventSink? _target;
    private long _lastDeliveryNs = long.MinValue;

    /// <summary>Creates the line; connect the strategy with <see cref="Connect"/> before events flow.</summary>
    public FeedDelayLine(SimulationTimeline timeline, ILatencyModel latency)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(latency);
        _timeline = timeline;
        _latency = latency;
        timeline.Register(this);
    }

    /// <summary>Events waiting for delivery.</summary>
    public int Pending => _queue.Count;

    /// <summary>Sets the strategy's market event sink.</summary>
    public void Connect(IMarketEventSink target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        long at = DeliveryTime(update.ExchTsNs, update.LocalTsNs);
        var copy = _pool.Count > 0 ? _pool.Pop() : new BookUpdate();
        copy.CopyFrom(update);
        copy.LocalTsNs = at;
        _books.Enqueue(copy);
        _queue.Enqueue((_timeline.NextKey(at), MarketEventKind.Book));
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        long at = DeliveryTime(trade.ExchTsNs, trade.LocalTsNs);
        _trades.Enqueue(trade with { LocalTsNs = at });
        _queue.Enqueue((_timeline.NextKey(at), MarketEventKind.Trade));
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        long at = DeliveryTime(bbo.ExchTsNs, bbo.LocalTsNs);
        _bbos.Enqueue(bbo with { LocalTsNs = at });
        _queue.Enqueue((_timeline.NextKey(at), MarketEventKind.Bbo));
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        long at = DeliveryTime(ticker.ExchTsNs, ticker.LocalTsNs);
        _tickers.Enqueue(ticker with { LocalTsNs = at });
        _queue.Enqueue((_timeline.NextKey(at), MarketEventKind.Ticker));
    }

    /// <inheritdoc />
    public bool TryPeek(out EventKey key)
    {
        if (_queue.TryPeek(out var head))
        {
            key = head.Key;
            return true;
        }
        key = default;
        return false;
    }

    /// <inheritdoc />
    public void ReleaseNext()
    {
        var kind = _queue.Dequeue().Kind;
        var target = _target ?? throw new InvalidOperationException("FeedDelayLine is not connected to a strategy sink");
        switch (kind)
        {
            case MarketEventKind.Book:
                var book = _books.Dequeue();
                target.OnBook(book);
                _pool.Push(book);
                break;
            case MarketEventKind.Trade:
                var trade = _trades.Dequeue();
                target.OnTrade(trade);
                break;
            case MarketEventKind.Bbo:
                var bbo = _bbos.Dequeue();
                target.OnBbo(bbo);
                break;
            default:
                var ticker = _tickers.Dequeue();
                target.OnTicker(ticker);
                break;
        }
    }

    private long DeliveryTime(long exchTsNs, long localTsNs)
    {
        long at = exchTsNs + _latency.FeedLatencyNs(exchTsNs, localTsNs);
        if (at < _lastDeliveryNs) at = _lastDeliveryNs;
        _lastDeliveryNs = at;
        return at;
    }
}
