using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;
using Smallfish.Persistence.State;
using Smallfish.Core.Grid;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Service.Activity;
using Smallfish.Service.Engine;

namespace Smallfish.Service.Trading;

/// <summary>
/// The trading engine as the service runs it: <see cref="TradingEngineCore"/> plus the mode's order path. In paper mode
/// the in-process venue sees every market event before the engine, is advanced before every input and settled after
/// it (the commands the input caused are matched and reported at once: the paper venue has no latency), all on the
/// loop thread. The book frame being processed is stamped on the <see cref="LatencyProbe"/>. The restart-relevant state
/// (day's counters, kill switch, equity peak) is saved to the journal's state store on every published snapshot and at
/// the end. Disposing (after the loop has ended) stops the order path.
/// </summary>
public sealed class ServiceEngineCore : IEngineCore, IEngineMarketView, IExchangeTraffic, IAsyncDisposable
{
    private readonly PaperVenueDriver? _paper;
    private readonly LatencyProbe _probe;
    private readonly IEngineStateStore? _store;
    private readonly Func<ValueTask>? _stopOrderPath;
    private int _disposed;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="paper"/> is the paper venue (null for an exchange).</summary>
    public ServiceEngineCore(TradingEngineCore inner, string orderPath, LatencyProbe probe, IEngineStateStore? store, PaperVenueDriver? paper = null,
        Func<ValueTask>? stopOrderPath = null)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        OrderPath = orderPath ?? throw new ArgumentNullException(nameof(orderPath));
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        _store = store;
        _paper = paper;
        _stopOrderPath = stopOrderPath;
    }

    /// <summary>The adapter over the engine.</summary>
    public TradingEngineCore Inner { get; }

    /// <summary>The engine.</summary>
    public TradingEngine Engine => Inner.Engine;

    /// <summary>Where orders go, for logs and status (e.g. <c>paper venue</c>, <c>bybit REST</c>).</summary>
    public string OrderPath { get; }

    /// <summary>The paper venue (null when orders go to an exchange).</summary>
    public PaperVenueDriver? Paper => _paper;

    /// <summary>The exchange order gateway (null in paper mode).</summary>
    public ExchangeOrderGateway? Gateway { get; init; }

    /// <summary>The read-back of what the venue did while the private stream was down (null in paper mode).</summary>
    public PrivateStreamResync? Resync { get; init; }

    /// <summary>The private stream's counters (null in paper mode).</summary>
    public StreamStatistics? PrivateStream { get; init; }

    /// <inheritdoc />
    public long FramesReceived => PrivateStream?.FramesReceived ?? 0;

    /// <inheritdoc />
    public long FramesHandled => PrivateStream?.FramesHandled ?? 0;

    /// <inheritdoc />
    public int CommandsInFlight => Gateway?.InFlight ?? 0;

    /// <summary>What the restart reconciliation did (null before it ran).</summary>
    public Smallfish.Core.Recovery.ReconciliationReport? Reconciliation { get; init; }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        _probe.Trigger = update.LocalTsNs;
        if (_paper is null) Inner.OnBook(update);
        else _paper.OnBook(update, Inner);
        _probe.Trigger = 0;
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        if (_paper is null) Inner.OnTrade(trade);
        else _paper.OnTrade(trade, Inner);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        if (_paper is null) Inner.OnBbo(bbo);
        else _paper.OnBbo(bbo, Inner);
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        if (_paper is null) Inner.OnTicker(ticker);
        else _paper.OnTicker(ticker, Inner);
    }

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update) => Inner.OnOrderUpdate(update);

    /// <inheritdoc />
    public void OnFill(in Fill fill) => Inner.OnFill(fill);

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment) => Inner.OnFunding(payment);

    /// <inheritdoc />
    public void OnTimer(long nowNs)
    {
        _paper?.Advance();
        Inner.OnTimer(nowNs);
        _paper?.Settle();
    }

    /// <inheritdoc />
    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail)
    {
        bool tripped = Inner.TripKillSwitch(reason, nowNs, detail);
        _paper?.Settle();
        return tripped;
    }

    /// <inheritdoc />
    public bool Resume(long nowNs) => Inner.Resume(nowNs);

    /// <inheritdoc />
    public void StopEntries(EntryHold hold, long nowNs) => Inner.StopEntries(hold, nowNs);

    /// <inheritdoc />
    public void AllowEntries(EntryHold hold, long nowNs) => Inner.AllowEntries(hold, nowNs);

    /// <inheritdoc />
    public int CancelEntryOrders(long nowNs)
    {
        _paper?.Advance();
        int entries = Inner.CancelEntryOrders(nowNs);
        _paper?.Settle();
        return entries;
    }

    /// <inheritdoc />
    public RuntimeSnapshot PublishSnapshot(long nowNs)
    {
        _paper?.Advance();
        RuntimeSnapshot snapshot = Inner.PublishSnapshot(nowNs);
        if (_store is not null) SavedRuntimeState.Save(_store, snapshot);
        return snapshot;
    }

    /// <inheritdoc />
    public IReadOnlyList<SymbolMarketView> ReadMarket() => EngineStatusTap.ReadMarkets(Inner);

    /// <inheritdoc />
    public IReadOnlyList<GridState> ReadGrids() => EngineStatusTap.ReadGrids(Inner);

    /// <summary>Saves the state a last time and stops the order path. Call after the loop has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_store is not null) SavedRuntimeState.Save(_store, Engine.State.Publish());
        if (_stopOrderPath is not null) await _stopOrderPath().ConfigureAwait(false);
    }
}
