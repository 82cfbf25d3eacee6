namespace Smallfish.Core.State;

/// <summary>
/// What <see cref="RuntimeState"/> continues from after a restart, as the service saved it (the journal's engine
/// state): equity and its peak, the day's counters, the kill switch and the last loss. Null members are not restored.
/// </summary>
/// <param name="Equity">Current equity (the exchange wallet's, when the service has it), quote currency.</param>
/// <param name="PeakEquity">Highest equity seen before the restart (drawdown tiers carry over).</param>
/// <param name="Daily">The day's counters as saved; ignored when they belong to a day that is over.</param>
/// <param name="KillSwitch">The kill switch as saved: a tripped switch stays tripped.</param>
/// <param name="LastLossNs">Close time of the latest losing trade, ns (0 = none): the loss cooldown carries over.</param>
public sealed record RestoredState(
    decimal? Equity = null,
    decimal? PeakEquity = null,
    DailyTotals? Daily = null,
    KillSwitchStatus? KillSwitch = null,
    long LastLossNs = 0)
{
    /// <summary>Everything a snapshot of a running engine's state holds (what the service saves).</summary>
    public static RestoredState From(RuntimeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new RestoredState(snapshot.Equity, snapshot.PeakEquity, snapshot.Daily, snapshot.KillSwitch, snapshot.LastLossNs);
    }
}
