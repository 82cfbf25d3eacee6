using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>
/// Test sink: replays a synthetic stream through a <see cref="BybitBookSynchronizer"/> the way the engine would and
/// records what the tests measure: sync results, the book after every delta, level changes (with their distance from
/// the best price after the message), trades with whether visible size covered them, tickers, ordering faults.
/// </summary>
internal sealed class SyntheticStreamRecorder : IMarketEventSink
{
    private readonly BybitBookSynchronizer _sync;
    private readonly Dictionary<(Side, long), long> _takenSinceDelta = new();
    private long _lastExch = long.MinValue, _lastLocal = long.MinValue;
    private long _seq;

    public SyntheticStreamRecorder(InstrumentSpec spec)
    {
        Book = new OrderBook(spec, 0, changeLogCapacity: 1 << 14);
        _sync = new BybitBookSynchronizer(Book);
    }

    public OrderBook Book { get; }

    public List<BookSyncResult> SyncResults { get; } = [];

    public List<BookState> States { get; } = [];

    public List<RecordedChange> Changes { get; } = [];

    public List<RecordedTrade> Trades { get; } = [];

    public List<TickerEvent> Tickers { get; } = [];

    public int Snapshots { get; private set; }

    public int OrderingFaults { get; private set; }

    public int LocalBeforeExchange { get; private set; }

    public int SymbolFaults { get; private set; }

    public long LastUpdateId { get; private set; }

    public void OnBook(BookUpdate update)
    {
        Stamp(update.ExchTsNs, update.LocalTsNs, update.SymbolId);
        if (update.Kind == BookUpdateKind.Snapshot) Snapshots++;
        var result = _sync.Apply(update);
        SyncResults.Add(result);
        LastUpdateId = update.LastUpdateId;
        _takenSinceDelta.Clear();
        if (update.Kind == BookUpdateKind.Delta)
        {
            int added = update.Bids.Count + update.Asks.Count;
            int n = Book.Changes.Count;
            // Every level in a delta is a real change, so the book logged exactly `added` entries (the newest ones).
            for (int i = Math.Max(0, n - added); i < n; i++)
            {
                var c = Book.Changes[i];
                long best = c.Side == Side.Buy ? Book.BestBid : Book.BestAsk;
                long after = c.Side == Side.Buy ? best - c.PriceTicks : c.PriceTicks - best;
                Changes.Add(new RecordedChange(update.ExchTsNs, c.Side, c.PriceTicks, c.PrevLots, c.NewLots, after, _seq));
            }
        }
        States.Add(new BookState(
            update.ExchTsNs, Book.BestBid, Book.BestAsk, Book.Bids.BestQty, Book.Asks.BestQty, Book.Bids.Count, Book.Asks.Count,
            Book.Bids.DepthWithinTicks(5), Book.Asks.DepthWithinTicks(5), Book.Bids.DepthWithinTicks(10), Book.Asks.DepthWithinTicks(10)));
    }

    public void OnTrade(in TradeEvent trade)
    {
        Stamp(trade.ExchTsNs, trade.LocalTsNs, trade.SymbolId);
        var passive = trade.Aggressor.Opposite();
        var side = passive == Side.Buy ? Book.Bids : Book.Asks;
        _takenSinceDelta.TryGetValue((passive, trade.PriceTicks), out long taken);
        taken += trade.QtyLots;
        _takenSinceDelta[(passive, trade.PriceTicks)] = taken;
        bool covered = side.QtyAtPrice(trade.PriceTicks) >= taken;
        Trades.Add(new RecordedTrade(trade.ExchTsNs, trade.PriceTicks, trade.QtyLots, trade.Aggressor, covered, trade.TradeId, side.BestPrice, _seq));
    }

    public void OnBbo(in BboEvent bbo) => Stamp(bbo.ExchTsNs, bbo.LocalTsNs, bbo.SymbolId);

    public void OnTicker(in TickerEvent ticker)
    {
        Stamp(ticker.ExchTsNs, ticker.LocalTsNs, ticker.SymbolId);
        Tickers.Add(ticker);
    }

    /// <summary>The last book state at or before <paramref name="ns"/> (the first state when none is earlier).</summary>
    public BookState StateAt(long ns)
    {
        int lo = 0, hi = States.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (States[mid].TsNs <= ns) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return States[found];
    }

    public IEnumerable<RecordedTrade> TradesIn(long fromNs, long toNs) => Trades.Where(t => t.TsNs >= fromNs && t.TsNs < toNs);

    public IEnumerable<BookState> StatesIn(long fromNs, long toNs) => States.Where(s => s.TsNs >= fromNs && s.TsNs < toNs);

    private void Stamp(long exch, long local, int symbolId)
    {
        _seq++;
        if (exch < _lastExch || local < _lastLocal) OrderingFaults++;
        if (local < exch) LocalBeforeExchange++;
        if (symbolId != 0) SymbolFaults++;
        _lastExch = exch;
        _lastLocal = local;
    }
}

/// <summary>The replayed book right after one message.</summary>
internal readonly record struct BookState(
    long TsNs, long Bid, long Ask, long BidLots, long AskLots, int BidLevels, int AskLevels,
    long BidDepth5, long AskDepth5, long BidDepth10, long AskDepth10)
{
    public double Mid => (Bid + Ask) * 0.5;

    public long Spread => Ask - Bid;

    public long Best(Side side) => side == Side.Buy ? Bid : Ask;

    public long Depth5(Side side) => side == Side.Buy ? BidDepth5 : AskDepth5;

    public long Depth10(Side side) => side == Side.Buy ? BidDepth10 : AskDepth10;
}

/// <summary>
/// One level change, with its distance behind the same side's best price after the message (0 = at the touch) and the
/// sequence number of its message in the stream.
/// </summary>
internal readonly record struct RecordedChange(long TsNs, Side Side, long PriceTicks, long PrevLots, long NewLots, long DistanceAfter, long Seq)
{
    public long DeltaLots => NewLots - PrevLots;
}

/// <summary>
/// One print; <see cref="Covered"/> is false when the visible size at its price did not cover it; <see cref="PassiveBest"/>
/// is the best price of the side it traded against, as the consumer's book stood when it printed; <see cref="Seq"/> is
/// its position in the stream.
/// </summary>
internal readonly record struct RecordedTrade(long TsNs, long PriceTicks, long QtyLots, Side Aggressor, bool Covered, long TradeId, long PassiveBest, long Seq);
