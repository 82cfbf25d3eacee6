using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// What the emulated exchange knows about one symbol's market besides the book: recent trades (numbered), candles,
/// 24 h statistics, the latest ticker fields and the funding rates it settled.
/// </summary>
internal sealed class MarketState
{
    private const int RecentCapacity = 1000;
    private readonly PublicTradeRecord[] _recent = new PublicTradeRecord[RecentCapacity];
    private int _recentCount;
    private int _recentNext;
    private long _nextTradeId = 100_000;

    public MarketState(int symbolId, InstrumentSpec spec)
    {
        SymbolId = symbolId;
        Spec = spec;
    }

    public int SymbolId { get; }

    public InstrumentSpec Spec { get; }

    public KlineSeries Klines { get; } = new();

    public long LastTradeTicks { get; private set; }

    public BybitTickDirection Direction { get; private set; } = BybitTickDirection.ZeroPlusTick;

    /// <summary>Latest ticker fields from the feed (prices on the tick grid; 0 = not seen yet).</summary>
    public long MarkTicks { get; private set; }

    public long IndexTicks { get; private set; }

    public decimal FundingRate { get; private set; }

    public long NextFundingTimeMs { get; private set; }

    public bool HasTicker { get; private set; }

    /// <summary>Settled funding rates, oldest first.</summary>
    public List<(long TimeMs, decimal Rate)> FundingHistory { get; } = new();

    /// <summary>Numbers and records a trade; returns its record.</summary>
    public PublicTradeRecord AddTrade(in TradeEvent trade, long timeMs)
    {
        var record = new PublicTradeRecord(++_nextTradeId, timeMs, trade.PriceTicks, trade.QtyLots, trade.Aggressor);
        Direction = BybitTickDirections.Next(Direction, LastTradeTicks, trade.PriceTicks);
        LastTradeTicks = trade.PriceTicks;
        _recent[_recentNext] = record;
        _recentNext = (_recentNext + 1) % RecentCapacity;
        if (_recentCount < RecentCapacity) _recentCount++;
        Klines.Add(timeMs, trade.PriceTicks, trade.QtyLots, Spec.Notional(trade.PriceTicks, trade.QtyLots), trade.Aggressor == Side.Buy);
        return record;
    }

    /// <summary>The newest <paramref name="limit"/> trades, oldest first.</summary>
    public List<PublicTradeRecord> RecentTrades(int limit)
    {
        int n = Math.Min(Math.Max(0, limit), _recentCount);
        var list = new List<PublicTradeRecord>(n);
        for (int i = n; i >= 1; i--) list.Add(_recent[((_recentNext - i) % RecentCapacity + RecentCapacity) % RecentCapacity]);
        return list;
    }

    /// <summary>Takes a ticker's fields; a funding time that moved on records the settled rate.</summary>
    public void ApplyTicker(in TickerEvent ticker)
    {
        var t = MarketTicker.From(ticker, Spec);
        if (t.MarkPriceTicks > 0) MarkTicks = t.MarkPriceTicks;
        if (t.IndexPriceTicks > 0) IndexTicks = t.IndexPriceTicks;
        if (double.IsFinite(ticker.FundingRate)) FundingRate = t.FundingRate;
        if (t.NextFundingTimeMs > 0)
        {
            if (NextFundingTimeMs > 0 && t.NextFundingTimeMs > NextFundingTimeMs) FundingHistory.Add((NextFundingTimeMs, FundingRate));
            NextFundingTimeMs = t.NextFundingTimeMs;
        }
        HasTicker = true;
    }

    /// <summary>Mark price in ticks: the ticker's, else the last trade, else the mid of <paramref name="book"/>, else 0.</summary>
    public long ValuationTicks(OrderBook book)
    {
        if (MarkTicks > 0) return MarkTicks;
        if (LastTradeTicks > 0) return LastTradeTicks;
        return book.HasTwoSides ? (book.BestBid + book.BestAsk) / 2 : 0;
    }

    /// <summary>The ticker fields with the book's best prices and the last 24 h of trades.</summary>
    public MarketTicker Ticker(OrderBook book, long nowMs)
    {
        var day = Klines.Window(24 * 60, nowMs);
        long mark = ValuationTicks(book);
        return new MarketTicker(
            LastTradeTicks > 0 ? LastTradeTicks : mark, mark, IndexTicks > 0 ? IndexTicks : mark, FundingRate, NextFundingTimeMs,
            book.Bids.BestPrice, book.Bids.BestQty, book.Asks.BestPrice, book.Asks.BestQty,
            day.Trades > 0 ? day.Open : mark, day.Trades > 0 ? day.High : mark, day.Trades > 0 ? day.Low : mark,
            day.VolumeLots, day.Turnover, day.Trades);
    }
}
