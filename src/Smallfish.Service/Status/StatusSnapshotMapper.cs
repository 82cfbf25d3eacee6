using Smallfish.Core.Instruments;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Hosting.Runtime;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Heartbeat;
using Smallfish.Service.Hosting;
using Smallfish.Service.Symbols;

namespace Smallfish.Service.Status;

/// <summary>
/// Maps the engine's published <see cref="RuntimeSnapshot"/> (ticks and lots) and the heartbeat's verdict onto the
/// status document (decimals for people). Fields the runtime snapshot does not carry yet (book, recent trades,
/// markers, grid) stay empty.
/// </summary>
public static class StatusSnapshotMapper
{
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
    /// <paramref name="scan"/> adds the latest AutoSymbols re-scan to <c>symbolSelection</c>.
    /// </summary>
    public static StatusSnapshot? Map(RunContext context, ServiceState state, long nowNs, SymbolScanState? scan = null)
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
            Symbols = MapSymbols(context, snapshot),
            EquityCurve = equity,
        };
    }

    private static List<SymbolStatus> MapSymbols(RunContext context, RuntimeSnapshot snapshot)
    {
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
                position = new PositionStatus
                {
                    Side = p.Side,
                    Qty = spec.Qty.ToDecimal(p.QtyLots),
                    EntryPrice = p.EntryPriceTicks * spec.TickSize,
                    StopPrice = p.StopTicks > 0 ? spec.Price.ToDecimal(p.StopTicks) : null,
                    TakeProfitPrice = p.TakeProfitTicks > 0 ? spec.Price.ToDecimal(p.TakeProfitTicks) : null,
                    OpenedAtNs = p.OpenedNs,
                };
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

            symbols.Add(new SymbolStatus
            {
                Symbol = symbol,
                Fusion = MapFusion(scores),
                Position = position,
                WorkingOrders = orders,
            });
        }

        return symbols;
    }

    private static FusionStatus MapFusion(SymbolScores? scores)
    {
        if (scores is null) return new FusionStatus();
        var signals = new List<SignalScore>(scores.Signals.Length);
        for (int i = 0; i < scores.Signals.Length && i < SignalIds.Count; i++)
        {
            signals.Add(new SignalScore { Name = (SignalId)i, Score = scores.Signals[i] });
        }

        return new FusionStatus { Confidence = Math.Abs(scores.Fused), UpdatedAtNs = scores.UpdatedNs, Signals = signals };
    }
}
