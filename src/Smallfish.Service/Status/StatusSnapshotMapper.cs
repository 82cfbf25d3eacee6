using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Hosting.Runtime;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Activity;
using Smallfish.Service.Heartbeat;
using Smallfish.Service.Hosting;
using Smallfish.Service.Symbols;
using VolatilityRegime = Smallfish.Monitoring.Status.VolatilityRegime;

namespace Smallfish.Service.Status;

/// <summary>
/// Maps the engine's published <see cref="RuntimeSnapshot"/> (ticks and lots) and the heartbeat's verdict onto the
/// status document (decimals for people). With <see cref="StatusFeeds"/> it adds what the dashboard and Telegram need
/// beyond the snapshot: each symbol's book top, volatility regime, fused direction, sampled mids, entry/exit markers
/// and grid, the unrealized P&amp;L of open positions at the mid, this run's round trips and the engine's throughput
/// and latencies.
/// </summary>
public static class StatusSnapshotMapper
{
    /// <summary>Round trips the document carries.</summary>
    public const int RecentTradesShown = 50;

    /// <summary>The transport twin of a run mode.</summary>
    public static ServiceMode ToServiceMode(RunMode mode) => mode switch
    {
        RunMode.Paper => ServiceMode.Paper,
        RunMode.Testnet => ServiceMode.Testnet,
        RunMode.Live => ServiceMode.Live,
        RunMode.Offline => ServiceMode.Offline,
        _ => ServiceMode.Unknown,
    };

    /// <summary>The transport twin of a kill switch reason (an unknown newer reason maps to <see cref="KillSwitchCause.Other"/>).</summary>
    public static KillSwitchCause ToCause(KillSwitchReason reason) => reason switch
    {
        KillSwitchReason.None => KillSwitchCause.None,
        KillSwitchReason.Manual => KillSwitchCause.Manual,
        KillSwitchReason.DailyLossR => KillSwitchCause.DailyLossR,
        KillSwitchReason.DailyLossMoney => KillSwitchCause.DailyLossMoney,
        KillSwitchReason.SlippageBreaches => KillSwitchCause.SlippageBreaches,
        KillSwitchReason.Drawdown => KillSwitchCause.Drawdown,
        KillSwitchReason.Reconciliation => KillSwitchCause.Reconciliation,
        KillSwitchReason.DataFault => KillSwitchCause.DataFault,
        _ => KillSwitchCause.Other,
    };

    /// <summary>
    /// The status document at <paramref name="nowNs"/>, or null while the engine has published nothing;
    /// <paramref name="scan"/> adds the latest AutoSymbols re-scan to <c>symbolSelection</c>, <paramref name="feeds"/>
    /// the engine view, this run's activity and the loop's counters.
    /// </summary>
    public static StatusSnapshot? Map(RunContext context, ServiceState state, long nowNs, SymbolScanState? scan = null, StatusFeeds? feeds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        RuntimeSnapshot? snapshot = state.Snapshot;
        if (snapshot is null) return null;
        HeartbeatCheck heartbeat = state.Heartbeat;
        IReadOnlyList<(long TsNs, decimal Equity)> curve = state.EquityCurve();
        var equity = new List<EquityPoint>(curve.Count);
        foreach ((long ts, decimal value) in curve) equity.Add(new EquityPoint(ts, value));

        return new StatusSnapshot
        {
            AsOfNs = snapshot.AsOfNs,
            Service = new ServiceInfo
            {
                Version = context.Version,
                Mode = ToServiceMode(context.Mode),
                Exchange = context.Options.Exchange.Name,
                Profile = context.Options.Mode,
                StartedAtNs = state.StartedAtNs,
                UptimeMs = Math.Max(0, (nowNs - state.StartedAtNs) / TimeProviderExtensions.NsPerMs),
            },
            Account = new AccountStatus
            {
                StartingEquity = curve.Count > 0 ? curve[0].Equity : snapshot.Equity,
                Equity = snapshot.Equity,
                PeakEquity = snapshot.PeakEquity,
                DrawdownPct = snapshot.DrawdownPct,
                DailyPnl = snapshot.Daily.RealizedPnl,
                DailyR = snapshot.Daily.NetR,
                TradesToday = snapshot.Daily.TradeCount,
                WinsToday = snapshot.Daily.Wins,
                LossesToday = snapshot.Daily.Losses,
            },
            KillSwitch = new KillSwitchInfo
            {
                Tripped = snapshot.KillSwitch.IsTripped,
                Reason = snapshot.KillSwitch.IsTripped ? ToCause(snapshot.KillSwitch.Reason) : KillSwitchCause.None,
                SinceNs = snapshot.KillSwitch.IsTripped ? snapshot.KillSwitch.TrippedNs : 0,
            },
            Heartbeat = new HeartbeatInfo
            {
                EngineAlive = heartbeat.LoopAlive,
                LastEventAgeMs = heartbeat.LastEventAgeMs,
                FeedStale = heartbeat.FeedStale,
            },
            SymbolSelection = SymbolSelectionStatusMapper.Map(context, scan),
            Symbols = MapSymbols(context, snapshot, feeds),
            RecentTrades = feeds is null ? [] : MapTrades(feeds.Activity),
            EquityCurve = equity,
            Engine = MapEngine(snapshot, feeds),
        };
    }

    /// <summary>The status twin of the fusion's volatility regime (0 low .. 3 extreme; anything else unknown).</summary>
    public static VolatilityRegime ToRegime(int regime) => regime is >= 0 and <= 3 ? (VolatilityRegime)(regime + 1) : VolatilityRegime.Unknown;

    private static List<TradeInfo> MapTrades(ServiceActivity activity)
    {
        IReadOnlyList<TradeResult> trades = activity.RecentTrades(RecentTradesShown);
        var list = new List<TradeInfo>(trades.Count);
        foreach (TradeResult t in trades)
        {
            list.Add(new TradeInfo
            {
                Symbol = t.Symbol,
                Side = t.Side,
                EntryPrice = t.EntryPrice,
                ExitPrice = t.ExitPrice,
                Qty = t.Qty,
                NetPnl = t.NetPnl,
                RMultiple = double.IsFinite(t.RMultiple) ? t.RMultiple : 0,
                OpenedAtNs = t.OpenedNs,
                ClosedAtNs = t.ClosedNs,
                ExitReason = t.Reason,
            });
        }

        return list;
    }

    private static EngineStats MapEngine(RuntimeSnapshot snapshot, StatusFeeds? feeds) => new()
    {
        EventsPerSecond = feeds?.Tap.View.EventsPerSecond ?? 0,
        EventsProcessed = snapshot.EventsProcessed,
        DroppedEvents = feeds?.Counters?.DroppedMarketEvents ?? 0,
        BookResyncs = snapshot.BookResyncs,
        Fills = feeds?.Activity.Fills ?? 0,
        Rejects = feeds?.Activity.Rejects ?? 0,
        TickToDecision = feeds?.Activity.TickToDecision.Snapshot() ?? new LatencyStats(),
        DecisionToOrder = feeds?.Activity.DecisionToOrder.Snapshot() ?? new LatencyStats(),
    };

    private static List<SymbolStatus> MapSymbols(RunContext context, RuntimeSnapshot snapshot, StatusFeeds? feeds)
    {
        EngineView view = feeds?.Tap.View ?? EngineView.Empty;
        var symbols = new List<SymbolStatus>(context.Symbols.Count);
        foreach (string symbol in context.Symbols)
        {
            context.Catalog.TryGet(symbol, out InstrumentSpec? spec, out _);
            SymbolScores? scores = null;
            foreach (SymbolScores s in snapshot.Scores)
            {
                if (s.Symbol == symbol) scores = s;
            }

            PositionStatus? position = null;
            foreach (PositionSnapshot p in snapshot.Positions)
            {
                if (p.Symbol != symbol || spec is null) continue;
                position = MapPosition(p, spec, view.Market(symbol)?.Mid);
            }

            var orders = new List<WorkingOrderInfo>();
            foreach (OrderSnapshot o in snapshot.WorkingOrders)
            {
                if (o.Symbol != symbol || spec is null) continue;
                orders.Add(new WorkingOrderInfo
                {
                    ClientOrderId = o.ClientOrderId,
                    Role = o.Role,
                    Side = o.Side,
                    Price = o.PriceTicks > 0 ? spec.Price.ToDecimal(o.PriceTicks) : null,
                    Qty = spec.Qty.ToDecimal(o.QtyLots),
                    FilledQty = spec.Qty.ToDecimal(o.FilledLots),
                    Status = o.Status,
                });
            }

            SymbolMarketView? market = view.Market(symbol);
            GridState? grid = view.Grid(symbol);
            symbols.Add(new SymbolStatus
            {
                Symbol = symbol,
                Regime = ToRegime(market?.Regime ?? -1),
                Book = MapBook(market, snapshot.AsOfNs),
                Fusion = MapFusion(scores, market),
                Position = position,
                WorkingOrders = orders,
                RecentMids = feeds?.Tap.Mids(symbol) ?? [],
                Markers = feeds?.Activity.Markers(symbol) ?? [],
                Grid = grid is not null && spec is not null ? GridStatusFactory.From(grid, spec) : null,
            });
        }

        return symbols;
    }

    private static PositionStatus MapPosition(PositionSnapshot p, InstrumentSpec spec, decimal? mid)
    {
        decimal entry = p.EntryPriceTicks * spec.TickSize;
        decimal qty = spec.Qty.ToDecimal(p.QtyLots);
        decimal? stop = p.StopTicks > 0 ? spec.Price.ToDecimal(p.StopTicks) : null;
        decimal sign = p.Side == Side.Buy ? 1 : -1;
        decimal unrealized = mid is { } m ? (m - entry) * qty * sign : 0;
        decimal risk = stop is { } s ? Math.Abs(entry - s) * qty : 0;
        return new PositionStatus
        {
            Side = p.Side,
            Qty = qty,
            EntryPrice = entry,
            StopPrice = stop,
            TakeProfitPrice = p.TakeProfitTicks > 0 ? spec.Price.ToDecimal(p.TakeProfitTicks) : null,
            UnrealizedPnl = unrealized,
            UnrealizedR = risk > 0 ? (double)(unrealized / risk) : 0,
            OpenedAtNs = p.OpenedNs,
        };
    }

    private static BookStatus MapBook(SymbolMarketView? market, long asOfNs)
    {
        if (market is null) return new BookStatus();
        return new BookStatus
        {
            Valid = market.BookValid,
            InvalidReason = market.InvalidReason,
            BestBid = market.BestBid,
            BestAsk = market.BestAsk,
            Mid = market.Mid,
            SpreadTicks = market.SpreadTicks,
            LastUpdateAgeMs = market.BookLocalTsNs > 0 ? Math.Max(0, (asOfNs - market.BookLocalTsNs) / (double)TimeProviderExtensions.NsPerMs) : 0,
        };
    }

    private static FusionStatus MapFusion(SymbolScores? scores, SymbolMarketView? market)
    {
        if (scores is null) return new FusionStatus();
        var signals = new List<SignalScore>(scores.Signals.Length);
        for (int i = 0; i < scores.Signals.Length && i < SignalIds.Count; i++)
        {
            signals.Add(new SignalScore { Name = (SignalId)i, Score = scores.Signals[i] });
        }

        int direction = market?.Direction ?? Math.Sign(scores.Fused);
        return new FusionStatus
        {
            Direction = direction > 0 ? Side.Buy : direction < 0 ? Side.Sell : null,
            Confidence = market?.Confidence ?? Math.Abs(scores.Fused),
            ActiveCount = market?.ActiveCount ?? 0,
            AgreeingCount = market?.AgreeingCount ?? 0,
            WantsEntry = market?.WantsEntry ?? false,
            UpdatedAtNs = scores.UpdatedNs,
            Signals = signals,
        };
    }
}
