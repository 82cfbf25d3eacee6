using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;

namespace Smallfish.Core.Engine;

/// <summary>
/// What the service's single-writer loop needs from the trading engine. Every member is called on the loop's one
/// thread, in arrival order, and must return quickly: no I/O, no waiting (commands to the venue go out through the
/// engine's <see cref="IOrderCommands"/>, which only hands them over). Market buffers passed by reference are only
/// valid during the call. Times are nanoseconds since the Unix epoch, read by the caller from the run's clock.
/// </summary>
/// <remarks>
/// The live service, paper trading and the backtest all drive the same implementation; only who calls it differs.
/// The service's loop also calls <see cref="OnTimer"/> at a fixed cadence so time-based rules (cooldowns, reprice,
/// time stops, day roll) run when the market is quiet.
/// </remarks>
public interface IEngineCore : IMarketEventSink, IExecutionSink, IFundingSink
{
    /// <summary>Time passed with no event: run the engine's time-based rules as of <paramref name="nowNs"/>.</summary>
    void OnTimer(long nowNs);

    /// <summary>
    /// Trips the kill switch (no new entries; what happens to open positions follows <c>Risk:KillSwitch</c>). Returns
    /// false when it was already tripped (the first reason is kept).
    /// </summary>
    bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail);

    /// <summary>Resets the kill switch so entries may resume. Returns false when it was not tripped.</summary>
    bool Resume(long nowNs);

    /// <summary>
    /// Adds <paramref name="hold"/> to the reasons new entries are blocked. Unlike the kill switch this closes nothing
    /// and is lifted with <see cref="AllowEntries"/> when its cause is gone (a feed that recovers, a loop that catches
    /// up). Exits, stops and take-profits keep working.
    /// </summary>
    void StopEntries(EntryHold hold, long nowNs);

    /// <summary>Removes <paramref name="hold"/> from the reasons new entries are blocked.</summary>
    void AllowEntries(EntryHold hold, long nowNs);

    /// <summary>
    /// Cancels every resting entry order (role <see cref="OrderRole.Entry"/> and grid entries) through the venue and
    /// leaves protective orders (stop-loss, take-profit) in place. Returns the number of cancels sent. The cancels'
    /// outcomes arrive later as order updates.
    /// </summary>
    int CancelEntryOrders(long nowNs);

    /// <summary>Builds an immutable snapshot of the runtime state, publishes it for readers on other threads and returns it.</summary>
    RuntimeSnapshot PublishSnapshot(long nowNs);
}
