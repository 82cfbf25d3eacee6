using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A recorded stream as the service subscribed to it receives it (docs/reliability.md, "Parity through the emulator"):
/// from the recording's book snapshot on (the service connects, fetches the snapshot and follows the diffs; the
/// diffs before it cannot be applied by anyone), depth diffs and trades only (the service subscribes depth, trades
/// and the mark price; the recorded <c>bookTicker</c> stream is not subscribed, so its events are left out). Both the
/// backtest and the emulator are fed this view, one event per step.
/// </summary>
internal sealed class SubscribedStream : IOrderedEventSource, IMarketEventSink
{
    private readonly IOrderedEventSource _inner;
    private readonly BookUpdate _book = new();
    private TradeEvent _trade;
    private TickerEvent _ticker;
    private Kind _staged;
    private bool _synced;

    public SubscribedStream(IOrderedEventSource inner) => _inner = inner;

    private enum Kind : byte
    {
        None,
        Skipped,
        Book,
        Trade,
        Ticker,
    }

    /// <summary>Recorded events left out (before the snapshot, or of a stream not subscribed).</summary>
    public long Skipped { get; private set; }

    /// <inheritdoc />
    public bool TryPeekTime(out long exchTsNs)
    {
        while (_staged is Kind.None or Kind.Skipped)
        {
            if (_staged == Kind.Skipped) Skipped++;
            _staged = Kind.None;
            if (!_inner.TryPeekTime(out _))
            {
                exchTsNs = 0;
                return false;
            }

            _inner.DeliverNext(this);
        }

        exchTsNs = _staged switch
        {
            Kind.Book => _book.ExchTsNs,
            Kind.Trade => _trade.ExchTsNs,
            _ => _ticker.ExchTsNs,
        };
        return true;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
        if (!TryPeekTime(out _)) throw new InvalidOperationException("the stream is exhausted");
        Kind kind = _staged;
        _staged = Kind.None;
        switch (kind)
        {
            case Kind.Book: sink.OnBook(_book); break;
            case Kind.Trade: sink.OnTrade(_trade); break;
            default: sink.OnTicker(_ticker); break;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();

    void IMarketEventSink.OnBook(BookUpdate update)
    {
        if (!_synced && update.Kind != BookUpdateKind.Snapshot)
        {
            _staged = Kind.Skipped;
            return;
        }

        _synced = true;
        _book.CopyFrom(update);
        _staged = Kind.Book;
    }

    void IMarketEventSink.OnTrade(in TradeEvent trade)
    {
        _trade = trade;
        _staged = _synced ? Kind.Trade : Kind.Skipped;
    }

    void IMarketEventSink.OnBbo(in BboEvent bbo) => _staged = Kind.Skipped;

    void IMarketEventSink.OnTicker(in TickerEvent ticker)
    {
        _ticker = ticker;
        _staged = _synced ? Kind.Ticker : Kind.Skipped;
    }
}
