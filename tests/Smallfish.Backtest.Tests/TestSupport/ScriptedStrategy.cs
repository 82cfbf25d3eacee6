using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>
/// TEST DOUBLE, not the trading engine: a fixed script that exercises the runner and the venue. Every
/// <see cref="PeriodNs"/> of simulated time, when flat, it enters the minimum size, alternating a post-only bid at
/// the touch (cancelled when not filled within 5 s) and a market buy/sell; it holds the position for
/// <see cref="HoldNs"/> and closes it with a reduce-only market order, then journals the round trip from its own fills.
/// It keeps its own book (the feed it sees, after the feed delay) through the core synchronizers.
/// </summary>
internal sealed class ScriptedStrategy : IBacktestStrategy
{
    private const long CancelAfterNs = 5_000_000_000L;

    private readonly BacktestContext _ctx;
    private readonly OrderBook[] _books;
    private readonly IBookSynchronizer[] _syncs;
    private readonly SymbolState[] _state;
    private long _sequence;

    public ScriptedStrategy(BacktestContext ctx)
    {
        _ctx = ctx;
        int n = ctx.Instruments.Count;
        _books = new OrderBook[n];
        _syncs = new IBookSynchronizer[n];
        _state = new SymbolState[n];
        for (int i = 0; i < n; i++)
        {
            _books[i] = new OrderBook(ctx.Instruments[i], i, changeLogCapacity: 16, depthCapacity: 8192);
            _syncs[i] = ctx.BookSync == BookSyncMode.Binance ? new BinanceBookSynchronizer(_books[i]) : new BybitBookSynchronizer(_books[i]);
            _state[i] = new SymbolState();
        }
    }

    public long PeriodNs { get; init; } = 20_000_000_000L;

    public long HoldNs { get; init; } = 8_000_000_000L;

    public static Func<BacktestContext, IBacktestStrategy> Factory() => ctx => new ScriptedStrategy(ctx);

    public void OnBook(BookUpdate update)
    {
        if ((uint)update.SymbolId < (uint)_syncs.Length) _syncs[update.SymbolId].Apply(update);
    }

    public void OnTrade(in TradeEvent trade)
    {
    }

    public void OnBbo(in BboEvent bbo)
    {
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }

    public void OnTimer(long nowNs)
    {
        for (int i = 0; i < _state.Length; i++) Step(i, nowNs);
    }

    public FusionResult? LastFusion(int symbolId) => null;

    public void OnOrderUpdate(in OrderUpdate update)
    {
        int i = IndexOf(update.Symbol);
        var s = _state[i];
        if (update.ClientOrderId != s.WorkingId) return;
        if (update.Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired)
        {
            s.WorkingId = null;
            if (s.Phase == Phase.Entering && s.EntryLots == 0) s.Phase = Phase.Flat;
        }
    }

    public void OnFill(in Fill fill)
    {
        int i = IndexOf(fill.Symbol);
        var s = _state[i];
        var spec = _ctx.Instruments[i];
        decimal price = spec.Price.ToDecimal(fill.PriceTicks);
        decimal qty = spec.Qty.ToDecimal(fill.QtyLots);
        s.Fees += fill.Fee;
        if (ClientOrderId.TryParse(fill.ClientOrderId, out var parts) && parts.Role == OrderRole.Entry)
        {
            s.EntryLots += fill.QtyLots;
            s.EntryNotional += price * qty;
            if (s.Phase == Phase.Entering)
            {
                s.OpenedNs = fill.TsNs;
                s.Phase = Phase.Holding;
                s.ExitAtNs = fill.TsNs + HoldNs;
            }
            return;
        }
        s.ExitLots += fill.QtyLots;
        s.ExitNotional += price * qty;
        if (s.ExitLots < s.EntryLots) return;
        decimal entry = s.EntryNotional / spec.Qty.ToDecimal(s.EntryLots);
        decimal exit = s.ExitNotional / spec.Qty.ToDecimal(s.ExitLots);
        decimal sign = s.Side == Side.Buy ? 1m : -1m;
        decimal gross = (s.ExitNotional - s.EntryNotional) * sign;
        _ctx.Journal.RecordTrade(new TradeResult(fill.Symbol, s.Side, entry, exit, spec.Qty.ToDecimal(s.EntryLots), gross, s.Fees, 0m,
            gross - s.Fees, double.NaN, 0m, 0m, s.OpenedNs, fill.TsNs, ExitReason.TimeStop, 0));
        _state[i] = new SymbolState { Entries = s.Entries, NextEntryNs = fill.TsNs + PeriodNs };
    }

    public void OnFunding(in FundingPayment payment)
    {
    }

    private void Step(int i, long now)
    {
        var s = _state[i];
        var book = _books[i];
        var spec = _ctx.Instruments[i];
        string symbol = spec.Symbol;
        if (s.Phase == Phase.Flat && now >= s.NextEntryNs && book.IsValid && book.HasTwoSides)
        {
            bool passive = s.Entries % 2 == 0;
            s.Side = (s.Entries / 2) % 2 == 0 ? Side.Buy : Side.Sell;
            s.Entries++;
            long lots = Math.Max(spec.MinLots, spec.MinimumLotsAt(book.BestAsk));
            string id = ClientOrderId.Create(1, i, ++_sequence, OrderRole.Entry);
            s.WorkingId = id;
            s.Phase = Phase.Entering;
            s.EntrySentNs = now;
            s.NextEntryNs = now + PeriodNs;
            _ctx.Orders.Place(passive
                ? new OrderRequest(id, symbol, s.Side, OrderType.Limit, TimeInForce.PostOnly, s.Side == Side.Buy ? book.BestBid : book.BestAsk, lots, 0, false, OrderRole.Entry)
                : new OrderRequest(id, symbol, s.Side, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, lots, 0, false, OrderRole.Entry));
        }
        else if (s.Phase == Phase.Entering && s.WorkingId is { } working && now - s.EntrySentNs > CancelAfterNs && !s.CancelSent)
        {
            s.CancelSent = true;
            _ctx.Orders.Cancel(symbol, working);
        }
        else if (s.Phase == Phase.Holding && now >= s.ExitAtNs)
        {
            s.Phase = Phase.Exiting;
            string id = ClientOrderId.Create(1, i, ++_sequence, OrderRole.Exit);
            s.WorkingId = id;
            _ctx.Orders.Place(new OrderRequest(id, symbol, s.Side == Side.Buy ? Side.Sell : Side.Buy, OrderType.Market, TimeInForce.ImmediateOrCancel,
                0, s.EntryLots - s.ExitLots, 0, true, OrderRole.Exit));
        }
        else if (s.Phase == Phase.Exiting && s.WorkingId is null && s.ExitLots < s.EntryLots)
        {
            s.Phase = Phase.Holding; // the exit did not fill completely: the rest goes at the next tick
        }
    }

    private int IndexOf(string symbol)
    {
        for (int i = 0; i < _ctx.Symbols.Count; i++)
        {
            if (_ctx.Symbols[i] == symbol) return i;
        }
        throw new InvalidOperationException("unknown symbol " + symbol);
    }

    private enum Phase
    {
        Flat,
        Entering,
        Holding,
        Exiting,
    }

    private sealed class SymbolState
    {
        public Phase Phase;
        public Side Side;
        public int Entries;
        public long NextEntryNs;
        public long EntrySentNs;
        public bool CancelSent;
        public string? WorkingId;
        public long EntryLots;
        public decimal EntryNotional;
        public long ExitLots;
        public decimal ExitNotional;
        public decimal Fees;
        public long OpenedNs;
        public long ExitAtNs;
    }
}
