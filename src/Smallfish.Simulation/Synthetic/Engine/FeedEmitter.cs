using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// Turns the generator's actions into core market events: stamps exchange time (truncated like an exchange's) and a
/// seeded local receive time that never runs backwards, numbers book messages Bybit-style (consecutive <c>u</c>) and
/// trades, and pushes everything into the sink in order. One reusable <see cref="BookUpdate"/>; no allocation per event.
/// </summary>
internal sealed class FeedEmitter
{
    private readonly BookUpdate _msg = new();
    private readonly int _symbolId;
    private readonly SyntheticRandom _latencyRng;
    private readonly long _latencyBaseNs;
    private readonly double _jitterMeanNs;
    private readonly long _resolutionNs;
    private long _lastLocalNs;
    private long _tradeId;

    public FeedEmitter(int symbolId, SyntheticFeedOptions feed, SyntheticRandom latencyRng)
    {
        _symbolId = symbolId;
        _latencyRng = latencyRng;
        _latencyBaseNs = feed.LatencyBase.Ticks * 100;
        _jitterMeanNs = feed.LatencyJitterMean.Ticks * 100.0;
        _resolutionNs = feed.ExchangeTimestampResolution.Ticks * 100;
        LastUpdateId = feed.InitialUpdateId;
        _tradeId = 1;
    }

    /// <summary>Where events go; set by the generator before each step.</summary>
    public IMarketEventSink Sink { get; set; } = NullSink.Instance;

    /// <summary>The <c>u</c> of the last book message.</summary>
    public long LastUpdateId { get; private set; }

    /// <summary>Events pushed so far (all kinds).</summary>
    public long EventCount { get; private set; }

    /// <summary>Book messages pushed so far.</summary>
    public long BookMessageCount { get; private set; }

    /// <summary>Trades pushed so far.</summary>
    public long TradeCount { get; private set; }

    /// <summary>Price of the last trade in ticks (0 before the first).</summary>
    public long LastTradePriceTicks { get; private set; }

    /// <summary>Sum of price x lots over all trades, in ticks x lots (for turnover and VWAP).</summary>
    public double TradedTickLots { get; private set; }

    /// <summary>Sum of lots over all trades.</summary>
    public long TradedLots { get; private set; }

    /// <summary>Exchange stamp for an internal time: truncated to the exchange's resolution.</summary>
    public long ExchangeTime(long nowNs) => _resolutionNs > 1 ? nowNs - nowNs % _resolutionNs : nowNs;

    /// <summary>Pushes the full book as a snapshot carrying the current update id.</summary>
    public void Snapshot(long nowNs, BookSide bids, BookSide asks)
    {
        _msg.Bids.Clear();
        _msg.Asks.Clear();
        for (int i = 0; i < bids.Count; i++) _msg.Bids.Add(bids.PriceAt(i), bids.QtyAt(i));
        for (int i = 0; i < asks.Count; i++) _msg.Asks.Add(asks.PriceAt(i), asks.QtyAt(i));
        PushBook(nowNs, BookUpdateKind.Snapshot, LastUpdateId);
    }

    /// <summary>Pushes the recorded changes as one delta with <c>u</c> = previous + 1; returns false (and pushes nothing) when nothing changed.</summary>
    public bool Delta(long nowNs, DeltaBuilder changes)
    {
        bool any = changes.WriteTo(_msg);
        changes.Clear();
        if (!any) return false;
        PushBook(nowNs, BookUpdateKind.Delta, LastUpdateId + 1);
        return true;
    }

    /// <summary>Pushes one trade print.</summary>
    public void Trade(long nowNs, long priceTicks, long lots, Side aggressor)
    {
        long exch = ExchangeTime(nowNs);
        var trade = new TradeEvent(_symbolId, exch, Local(exch), priceTicks, lots, aggressor, _tradeId++);
        TradeCount++;
        EventCount++;
        LastTradePriceTicks = priceTicks;
        TradedTickLots += (double)priceTicks * lots;
        TradedLots += lots;
        Sink.OnTrade(in trade);
    }

    /// <summary>Pushes a best bid/offer quote for the current book.</summary>
    public void Bbo(long nowNs, BookSide bids, BookSide asks)
    {
        long exch = ExchangeTime(nowNs);
        var bbo = new BboEvent(_symbolId, exch, Local(exch), LastUpdateId, bids.BestPrice, bids.BestQty, asks.BestPrice, asks.BestQty);
        EventCount++;
        Sink.OnBbo(in bbo);
    }

    /// <summary>Pushes a ticker event built by the caller (the stamps are filled in here).</summary>
    public void Ticker(long nowNs, double last, double mark, double index, double funding, long nextFundingNs, double turnover, double changePct)
    {
        long exch = ExchangeTime(nowNs);
        var t = new TickerEvent(_symbolId, exch, Local(exch), last, mark, index, funding, nextFundingNs, turnover, changePct);
        EventCount++;
        Sink.OnTicker(in t);
    }

    private void PushBook(long nowNs, BookUpdateKind kind, long updateId)
    {
        long exch = ExchangeTime(nowNs);
        _msg.SymbolId = _symbolId;
        _msg.Kind = kind;
        _msg.FirstUpdateId = 0;
        _msg.PrevUpdateId = 0;
        _msg.LastUpdateId = updateId;
        _msg.Sequence = updateId;
        _msg.ExchTsNs = exch;
        _msg.LocalTsNs = Local(exch);
        LastUpdateId = updateId;
        BookMessageCount++;
        EventCount++;
        Sink.OnBook(_msg);
    }

    // Local receive time: exchange time + base + seeded exponential jitter, never earlier than the previous event's
    // (one socket delivers in order).
    private long Local(long exchNs)
    {
        long jitter = _jitterMeanNs > 0 ? (long)_latencyRng.Exponential(_jitterMeanNs) : 0;
        long local = exchNs + _latencyBaseNs + jitter;
        if (local < _lastLocalNs) local = _lastLocalNs;
        _lastLocalNs = local;
        return local;
    }

    private sealed class NullSink : IMarketEventSink
    {
        public static readonly NullSink Instance = new();
        public void OnBook(BookUpdate update) { }
        public void OnTrade(in TradeEvent trade) { }
        public void OnBbo(in BboEvent bbo) { }
        public void OnTicker(in TickerEvent ticker) { }
    }
}
