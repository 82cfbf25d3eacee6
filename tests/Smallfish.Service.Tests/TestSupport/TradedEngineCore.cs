using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Service.Activity;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A stand-in engine over a real <see cref="RuntimeState"/> that has traded: two BTCUSDT round trips (a winner by
/// take-profit, a loser by stop) and an open long with its bracket, every fill, trade and equity point written to the
/// journal the service gives it, the way the trading engine books them. Its book top, fusion and regime are described
/// through <see cref="IEngineMarketView"/>. Kill switch, resume and snapshots are the runtime state's own.
/// </summary>
internal sealed class TradedEngineCore : IEngineCore, IEngineMarketView
{
    public const string Symbol = "BTCUSDT";
    public const long BidTicks = 650_400;
    public const long AskTicks = 650_410;
    public const long OpenEntryTicks = 650_000;
    public const long OpenStopTicks = 649_000;
    public const long OpenTakeProfitTicks = 652_000;
    public const long OpenLots = 25;
    public const double Fused = 0.72;

    private readonly RuntimeState _state;
    private readonly InstrumentSpec _spec;

    public TradedEngineCore(IReadOnlyList<string> symbols, InstrumentSpec spec, IJournal journal, long startNs)
    {
        _spec = spec;
        _state = new RuntimeState(symbols, 1000m, startNs);
        long t = startNs;
        Trades = [RoundTrip(journal, 1, Side.Buy, 649_000, 649_600, 30, t + Seconds(10), t + Seconds(70), ExitReason.TakeProfit),
            RoundTrip(journal, 2, Side.Sell, 649_800, 650_100, 20, t + Seconds(100), t + Seconds(160), ExitReason.StopLoss)];

        long opened = t + Seconds(200);
        var position = new Position(Symbol, Side.Buy, OpenLots, OpenEntryTicks, opened, OpenStopTicks) { TakeProfitTicks = OpenTakeProfitTicks };
        journal.RecordFill(new Fill("x-open", ClientOrderId.Create(1, 0, 3, OrderRole.Entry), Symbol, Side.Buy, OpenEntryTicks, OpenLots, 0.1m, true, opened));
        _state.OnEnter(position, opened);
        var scores = new double[SignalIds.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = (i % 3 - 1) * 0.25 + i * 0.01;
        _state.SetScores(0, scores, Fused, opened);
        _state.OnTime(opened);
    }

    /// <summary>The round trips booked, oldest first.</summary>
    public IReadOnlyList<TradeResult> Trades { get; }

    public IReadOnlyList<SymbolMarketView> ReadMarket() =>
    [
        new SymbolMarketView
        {
            Symbol = Symbol,
            BestBid = _spec.Price.ToDecimal(BidTicks),
            BestAsk = _spec.Price.ToDecimal(AskTicks),
            SpreadTicks = AskTicks - BidTicks,
            BookValid = true,
            Regime = (int)VolatilityRegime.High,
            Direction = 1,
            Confidence = Fused,
            ActiveCount = 5,
            AgreeingCount = 4,
        },
    ];

    public IReadOnlyList<GridState> ReadGrids() => [];

    public void OnBook(BookUpdate update) => _state.CountEvent();

    public void OnTrade(in TradeEvent trade) => _state.CountEvent();

    public void OnBbo(in BboEvent bbo) => _state.CountEvent();

    public void OnTicker(in TickerEvent ticker) => _state.CountEvent();

    public void OnOrderUpdate(in OrderUpdate update) => _state.CountEvent();

    public void OnFill(in Fill fill) => _state.CountEvent();

    public void OnFunding(in FundingPayment payment) => _state.CountEvent();

    public void OnTimer(long nowNs) => _state.OnTime(nowNs);

    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail) => _state.TripKillSwitch(reason, nowNs, detail);

    public bool Resume(long nowNs) => _state.ResumeFromKillSwitch(nowNs);

    public void StopEntries(EntryHold hold, long nowNs)
    {
    }

    public void AllowEntries(EntryHold hold, long nowNs)
    {
    }

    public int CancelEntryOrders(long nowNs) => 0;

    public RuntimeSnapshot PublishSnapshot(long nowNs)
    {
        _state.OnTime(nowNs);
        return _state.Publish();
    }

    private static long Seconds(long s) => s * 1_000_000_000;

    private TradeResult RoundTrip(IJournal journal, long sequence, Side side, long entryTicks, long exitTicks, long lots, long openedNs, long closedNs, ExitReason reason)
    {
        Side exitSide = side == Side.Buy ? Side.Sell : Side.Buy;
        OrderRole exitRole = reason == ExitReason.TakeProfit ? OrderRole.TakeProfit : OrderRole.StopLoss;
        journal.RecordFill(new Fill($"x-{sequence}-in", ClientOrderId.Create(1, 0, sequence, OrderRole.Entry), Symbol, side, entryTicks, lots, 0.1m, true, openedNs));
        _state.OnEnter(new Position(Symbol, side, lots, entryTicks, openedNs, side == Side.Buy ? entryTicks - 500 : entryTicks + 500), openedNs);
        journal.RecordFill(new Fill($"x-{sequence}-out", ClientOrderId.Create(1, 0, sequence, exitRole), Symbol, exitSide, exitTicks, lots, 0.1m, false, closedNs));
        decimal entry = _spec.Price.ToDecimal(entryTicks), exit = _spec.Price.ToDecimal(exitTicks), qty = _spec.Qty.ToDecimal(lots);
        decimal gross = (exit - entry) * qty * (side == Side.Buy ? 1 : -1);
        decimal net = gross - 0.2m;
        decimal risk = 500 * _spec.TickSize * qty;
        var trade = new TradeResult(Symbol, side, entry, exit, qty, gross, 0.2m, 0m, net, (double)(net / risk), 0, 0, openedNs, closedNs, reason, 0);
        _state.OnExit(trade);
        journal.RecordTrade(trade);
        EquityTracker equity = _state.Equity;
        journal.RecordEquity(new EquitySnapshot(closedNs, equity.Equity, equity.PeakEquity, equity.DrawdownPct, 0));
        return trade;
    }
}
