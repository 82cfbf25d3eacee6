using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Hosting.Runtime;
using Smallfish.Monitoring.Status;
using Smallfish.Remote.Alerts;
using Smallfish.Remote.Handling;
using Smallfish.Service.Activity;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Journal;
using Smallfish.Service.Status;

namespace Smallfish.Service.Remote;

/// <summary>
/// What Telegram and the daily mail read and do. <c>/status</c> reads the same status document as the endpoint and
/// the dashboard (built from the heartbeat's published snapshot, never from live engine state); <c>/trades</c> and
/// <c>/equity</c> read the journal (this run's records not yet committed come from <see cref="ServiceActivity"/>);
/// <c>/grid</c> reads the grid states the engine copied at its last snapshot; <c>/kill</c> and <c>/resume</c> are
/// posted to the engine loop as commands and answered when the loop has executed them.
/// </summary>
public sealed class EngineRemoteViewSource : IRemoteViewSource, IDailySummarySource
{
    private const int EquityPointsShown = 2_000;
    private readonly RunContext _context;
    private readonly ServiceState _state;
    private readonly EngineLoop _loop;
    private readonly TimeProvider _clock;
    private readonly StatusService _status;
    private readonly ServiceActivity _activity;
    private readonly EngineStatusTap _tap;
    private readonly JournalService _journal;

    /// <summary>Creates the source.</summary>
    public EngineRemoteViewSource(RunContext context, ServiceState state, EngineLoop loop, TimeProvider clock, StatusService status, ServiceActivity activity,
        EngineStatusTap tap, JournalService journal)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _activity = activity ?? throw new ArgumentNullException(nameof(activity));
        _tap = tap ?? throw new ArgumentNullException(nameof(tap));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
    }

    /// <inheritdoc />
    public StatusView GetStatus()
    {
        StatusSnapshot? s = _status.GetSnapshot();
        var view = new StatusView
        {
            AsOf = s is null ? _clock.GetUtcNow() : TimeProviderExtensions.FromUnixNs(s.AsOfNs),
            Mode = _context.Mode.ToString().ToLowerInvariant(),
            Exchange = _context.ExchangeName,
            Profile = _context.Options.Mode.ToString().ToLowerInvariant(),
            Testnet = _context.Mode != RunMode.Live,
            StartedAt = TimeProviderExtensions.FromUnixNs(_state.StartedAtNs),
        };
        if (s is null) return view;

        var positions = new List<PositionView>();
        var regimes = new List<string>();
        decimal unrealized = 0;
        foreach (SymbolStatus symbol in s.Symbols)
        {
            if (symbol.Regime != Monitoring.Status.VolatilityRegime.Unknown) regimes.Add(symbol.Symbol + " " + symbol.Regime.ToString().ToLowerInvariant());
            if (symbol.Position is not { } p) continue;
            unrealized += p.UnrealizedPnl;
            positions.Add(new PositionView(symbol.Symbol, p.Side, p.Qty, p.EntryPrice, p.UnrealizedPnl)
            {
                MarkPrice = symbol.Book.Mid,
                StopPrice = p.StopPrice,
                TakeProfitPrice = p.TakeProfitPrice,
            });
        }

        int working = 0;
        foreach (SymbolStatus symbol in s.Symbols) working += symbol.WorkingOrders.Count;
        return view with
        {
            Equity = s.Account.Equity,
            DayPnl = s.Account.DailyPnl + unrealized,
            DrawdownFraction = s.Account.DrawdownPct / 100.0,
            KillSwitchActive = s.KillSwitch.Tripped,
            KillSwitchReason = s.KillSwitch.Tripped ? s.KillSwitch.Reason.ToString() : null,
            VolatilityRegime = (s.Heartbeat.FeedStale ? "feed stale; " : "") + string.Join(", ", regimes),
            TradesToday = (int)s.Account.TradesToday,
            WinsToday = (int)s.Account.WinsToday,
            LossesToday = (int)s.Account.LossesToday,
            WorkingOrders = working,
            Positions = positions,
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<TradeView> GetRecentTrades(int count)
    {
        if (count <= 0) return [];
        var trades = new List<TradeResult>();
        long lastJournaled = long.MinValue;
        using (var reader = OpenReader())
        {
            if (reader is not null)
            {
                IReadOnlyList<TradeResult> newestFirst = reader.ReadLastTrades(count);
                for (int i = newestFirst.Count - 1; i >= 0; i--) trades.Add(newestFirst[i]);
                if (trades.Count > 0) lastJournaled = trades[^1].ClosedNs;
            }
        }

        // Trades closed since the journal's last commit.
        foreach (TradeResult t in _activity.RecentTrades(count))
        {
            if (t.ClosedNs > lastJournaled) trades.Add(t);
        }

        int skip = Math.Max(0, trades.Count - count);
        var views = new List<TradeView>(trades.Count - skip);
        for (int i = skip; i < trades.Count; i++) views.Add(TradeView.From(trades[i]));
        return views;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> GetEquityCurve()
    {
        var points = new List<(long TsNs, decimal Equity)>();
        using (var reader = OpenReader())
        {
            if (reader is not null)
            {
                foreach (EquitySnapshot e in reader.ReadEquity(0, long.MaxValue)) points.Add((e.TsNs, e.Equity));
            }
        }

        long last = points.Count > 0 ? points[^1].TsNs : long.MinValue;
        foreach (EquitySnapshot e in _activity.EquityPoints())
        {
            if (e.TsNs > last) points.Add((e.TsNs, e.Equity));
        }

        if (points.Count == 0)
        {
            foreach ((long ts, decimal equity) in _state.EquityCurve()) points.Add((ts, equity));
        }

        if (_state.Snapshot is { } now && (points.Count == 0 || points[^1].Equity != now.Equity)) points.Add((now.AsOfNs, now.Equity));
        int skip = Math.Max(0, points.Count - EquityPointsShown);
        var values = new double[points.Count - skip];
        for (int i = 0; i < values.Length; i++) values[i] = (double)points[skip + i].Equity;
        return values;
    }

    /// <inheritdoc />
    public GridView GetGrid()
    {
        if (!_context.Options.Multigrid.Enabled) return GridViewFactory.Off;
        EngineView view = _tap.View;
        foreach (GridState grid in view.Grids)
        {
            if (_context.Catalog.TryGet(grid.Symbol, out InstrumentSpec? spec, out _)) return GridViewFactory.From(grid, spec);
        }

        // On, but the engine has not placed (or not reported) a grid yet.
        return new GridView { Enabled = true, Symbol = _context.Symbols.Count > 0 ? _context.Symbols[0] : "" };
    }

    /// <inheritdoc />
    public ConfigView GetConfig()
    {
        var options = _context.Options;
        var risk = options.Risk;
        return new ConfigView
        {
            Profile = options.Mode.ToString().ToLowerInvariant(),
            Exchange = _context.ExchangeName,
            Testnet = _context.Mode != RunMode.Live,
            Symbols = _context.Symbols,
            RiskPerTradeFraction = risk.RiskPerTradePct / 100.0,
            RewardToRisk = risk.RewardRisk,
            EquityCapMultiple = risk.EquityCapMultiple,
            MultigridEnabled = options.Multigrid.Enabled,
            Extra = [new("mode", _context.Mode.ToString().ToLowerInvariant())],
        };
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestKillSwitchAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return new ValueTask<bool>(_loop.SendAsync(EngineCommand.Kill(KillSwitchReason.Manual, $"by {requester.Channel} chat {requester.ChatId}"), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestResumeAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return new ValueTask<bool>(_loop.SendAsync(EngineCommand.Resume($"by {requester.Channel} chat {requester.ChatId}"), cancellationToken));
    }

    /// <inheritdoc />
    public DailySummaryView GetDailySummary(DateTimeOffset asOf)
    {
        RuntimeSnapshot? s = _state.Snapshot;
        return new DailySummaryView
        {
            Day = DateOnly.FromDateTime(asOf.UtcDateTime),
            EndEquity = s?.Equity ?? 0,
            StartEquity = (s?.Equity ?? 0) - (s?.Daily.RealizedPnl ?? 0),
            NetPnl = s?.Daily.RealizedPnl ?? 0,
            Trades = (int)(s?.Daily.TradeCount ?? 0),
            Wins = (int)(s?.Daily.Wins ?? 0),
            Losses = (int)(s?.Daily.Losses ?? 0),
            MaxDrawdownFraction = (s?.MaxDrawdownPct ?? 0) / 100.0,
            KillSwitchActive = s?.KillSwitch.IsTripped ?? false,
            Profile = _context.Options.Mode.ToString().ToLowerInvariant(),
        };
    }

    private Persistence.Reading.JournalReader? OpenReader()
    {
        try
        {
            return _journal.Journal.OpenReader();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or Microsoft.Data.Sqlite.SqliteException)
        {
            return null; // not open yet, or gone: this run's activity still answers
        }
    }
}
