using Smallfish.Core.Engine;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Hosting.Runtime;
using Smallfish.Remote.Alerts;
using Smallfish.Remote.Handling;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Remote;

/// <summary>
/// What Telegram and the daily mail read and do: views built from the heartbeat's published snapshot (never from
/// live engine state), and /kill and /resume posted to the engine loop as commands.
/// </summary>
public sealed class EngineRemoteViewSource : IRemoteViewSource, IDailySummarySource
{
    private readonly RunContext _context;
    private readonly ServiceState _state;
    private readonly EngineLoop _loop;
    private readonly TimeProvider _clock;

    /// <summary>Creates the source.</summary>
    public EngineRemoteViewSource(RunContext context, ServiceState state, EngineLoop loop, TimeProvider clock)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    public StatusView GetStatus()
    {
        RuntimeSnapshot? s = _state.Snapshot;
        return new StatusView
        {
            AsOf = s is null ? _clock.GetUtcNow() : TimeProviderExtensions.FromUnixNs(s.AsOfNs),
            Exchange = _context.ExchangeName,
            Profile = _context.Options.Mode.ToString().ToLowerInvariant(),
            Testnet = _context.Mode != RunMode.Live,
            Equity = s?.Equity ?? 0,
            DayPnl = s?.Daily.RealizedPnl ?? 0,
            DrawdownFraction = (s?.DrawdownPct ?? 0) / 100.0,
            KillSwitchActive = s?.KillSwitch.IsTripped ?? false,
            KillSwitchReason = s is { KillSwitch.IsTripped: true } ? s.KillSwitch.Reason.ToString() : null,
            VolatilityRegime = _state.Heartbeat.FeedStale ? "feed stale" : "",
            TradesToday = (int)(s?.Daily.TradeCount ?? 0),
            WinsToday = (int)(s?.Daily.Wins ?? 0),
            LossesToday = (int)(s?.Daily.Losses ?? 0),
            WorkingOrders = s?.WorkingOrders.Length ?? 0,
            StartedAt = TimeProviderExtensions.FromUnixNs(_state.StartedAtNs),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<TradeView> GetRecentTrades(int count) => [];

    /// <inheritdoc />
    public IReadOnlyList<double> GetEquityCurve()
    {
        IReadOnlyList<(long TsNs, decimal Equity)> curve = _state.EquityCurve();
        var values = new double[curve.Count];
        for (int i = 0; i < values.Length; i++) values[i] = (double)curve[i].Equity;
        return values;
    }

    /// <inheritdoc />
    public GridView GetGrid() => new() { Enabled = _context.Options.Multigrid.Enabled };

    /// <inheritdoc />
    public ConfigView GetConfig()
    {
        var options = _context.Options;
        return new ConfigView
        {
            Profile = options.Mode.ToString().ToLowerInvariant(),
            Exchange = _context.ExchangeName,
            Testnet = _context.Mode != RunMode.Live,
            Symbols = _context.Symbols,
            RiskPerTradeFraction = options.Risk.RiskPerTradePct / 100.0,
            RewardToRisk = options.Risk.RewardRisk,
            EquityCapMultiple = options.Risk.EquityCapMultiple,
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
}
