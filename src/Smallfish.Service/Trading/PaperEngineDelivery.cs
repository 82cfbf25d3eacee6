using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Service.Trading;

/// <summary>
/// The engine's turn on the paper venue's timeline: a market event the venue has just applied is handed to the engine
/// as one timeline event, keyed after the reports the venue queued while applying it and before the commands the
/// engine sends in reaction to those reports. This is the backtest's order with no feed delay (a
/// <see cref="Smallfish.Simulation.Venue.Feed.FeedDelayLine"/> delivery), while the event keeps its real receive time.
/// One event at a time; nothing allocated.
/// </summary>
internal sealed class PaperEngineDelivery : ITimedSource
{
    private enum EventKind : byte
    {
        Book,
        Trade,
        Bbo,
        Ticker,
    }

    private IMarketEventSink? _target;
    private EventKind _kind;
    private BookUpdate? _book;
    private TradeEvent _trade;
    private BboEvent _bbo;
    private TickerEvent _ticker;
    private EventKey _key;
    private bool _pending;

    /// <summary>Queues the book message for <paramref name="target"/> under <paramref name="key"/>.</summary>
    public void Book(BookUpdate update, IMarketEventSink target, EventKey key)
    {
        _book = update;
        Queue(EventKind.Book, target, key);
    }

    /// <summary>Queues the trade for <paramref name="target"/> under <paramref name="key"/>.</summary>
    public void Trade(in TradeEvent trade, IMarketEventSink target, EventKey key)
    {
        _trade = trade;
        Queue(EventKind.Trade, target, key);
    }

    /// <summary>Queues the quote for <paramref name="target"/> under <paramref name="key"/>.</summary>
    public void Bbo(in BboEvent bbo, IMarketEventSink target, EventKey key)
    {
        _bbo = bbo;
        Queue(EventKind.Bbo, target, key);
    }

    /// <summary>Queues the ticker for <paramref name="target"/> under <paramref name="key"/>.</summary>
    public void Ticker(in TickerEvent ticker, IMarketEventSink target, EventKey key)
    {
        _ticker = ticker;
        Queue(EventKind.Ticker, target, key);
    }

    /// <inheritdoc />
    public bool TryPeek(out EventKey key)
    {
        key = _key;
        return _pending;
    }

    /// <inheritdoc />
    public void ReleaseNext()
    {
        if (!_pending) return;
        _pending = false;
        IMarketEventSink target = _target!;
        _target = null;
        switch (_kind)
        {
            case EventKind.Book:
                BookUpdate book = _book!;
                _book = null;
                target.OnBook(book);
                break;
            case EventKind.Trade:
                target.OnTrade(_trade);
                break;
            case EventKind.Bbo:
                target.OnBbo(_bbo);
                break;
            default:
                target.OnTicker(_ticker);
                break;
        }
    }

    private void Queue(EventKind kind, IMarketEventSink target, EventKey key)
    {
        if (_pending) throw new InvalidOperationException("a market event is already waiting for the engine");
        _kind = kind;
        _target = target;
        _key = key;
        _pending = true;
    }
}
