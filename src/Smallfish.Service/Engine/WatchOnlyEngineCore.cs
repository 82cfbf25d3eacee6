using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;
using Smallfish.Core.Time;

namespace Smallfish.Service.Engine;

/// <summary>
/// An engine that watches and never trades: it keeps the runtime state's clock, event counters and kill switch, and
/// publishes snapshots, so the service runs end to end (feed, heartbeat, status, remote control, graceful stop)
/// before the trading engine is plugged in. It places no order, so it has none to cancel.
/// </summary>
public sealed class WatchOnlyEngineCore : IEngineCore
{
    private readonly RuntimeState _state;

    /// <summary>Creates the engine over <paramref name="symbols"/>, starting at the clock's time.</summary>
    public WatchOnlyEngineCore(IReadOnlyList<string> symbols, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _state = new RuntimeState(symbols, startingEquity: 0m, clock.GetUnixTimeNs());
    }

    /// <summary>The entry holds in force.</summary>
    public EntryHold Holds { get; private set; }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Count(update.LocalTsNs);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade) => Count(trade.LocalTsNs);

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo) => Count(bbo.LocalTsNs);

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker) => Count(ticker.LocalTsNs);

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update) => Count(update.TsNs);

    /// <inheritdoc />
    public void OnFill(in Fill fill) => Count(fill.TsNs);

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment) => Count(payment.TsNs);

    /// <inheritdoc />
    public void OnTimer(long nowNs) => _state.OnTime(nowNs);

    /// <inheritdoc />
    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail) => _state.TripKillSwitch(reason, nowNs, detail);

    /// <inheritdoc />
    public bool Resume(long nowNs) => _state.ResumeFromKillSwitch(nowNs);

    /// <inheritdoc />
    public void StopEntries(EntryHold hold, long nowNs)
    {
        Holds |= hold;
        _state.OnTime(nowNs);
    }

    /// <inheritdoc />
    public void AllowEntries(EntryHold hold, long nowNs)
    {
        Holds &= ~hold;
        _state.OnTime(nowNs);
    }

    /// <inheritdoc />
    public int CancelEntryOrders(long nowNs) => 0;

    /// <inheritdoc />
    public RuntimeSnapshot PublishSnapshot(long nowNs)
    {
        _state.OnTime(nowNs);
        return _state.Publish();
    }

    private void Count(long tsNs)
    {
        _state.CountEvent();
        if (tsNs > 0) _state.OnTime(tsNs);
    }
}
