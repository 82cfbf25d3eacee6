using Smallfish.Core.State;

namespace Smallfish.Persistence.State;

/// <summary>
/// Saves what <see cref="RuntimeState"/> must carry over a restart (equity and its peak, the day's counters, the kill
/// switch, the last loss) into the journal's <see cref="IEngineStateStore"/>, and loads it back as the
/// <see cref="RestoredState"/> a restarted engine reconciles with. The service saves after every closed trade, trip,
/// resume and day roll (and periodically); a save reaches disk with the journal's next flush.
/// </summary>
public static class SavedRuntimeState
{
    /// <summary>Writes the restart-relevant part of <paramref name="snapshot"/>.</summary>
    public static void Save(IEngineStateStore store, RuntimeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        store.SetDecimal(RuntimeStateKeys.Equity, snapshot.Equity);
        store.SetDecimal(RuntimeStateKeys.PeakEquity, snapshot.PeakEquity);
        store.SetInt64(RuntimeStateKeys.LastLossNs, snapshot.LastLossNs);
        var d = snapshot.Daily;
        store.SetInt64(RuntimeStateKeys.DayStartNs, d.DayStartNs);
        store.SetDecimal(RuntimeStateKeys.DailyRealizedPnl, d.RealizedPnl);
        store.SetDouble(RuntimeStateKeys.DailyNetR, d.NetR);
        store.SetDouble(RuntimeStateKeys.DailyRLost, d.RLost);
        store.SetInt64(RuntimeStateKeys.DailyEntries, d.Entries);
        store.SetInt64(RuntimeStateKeys.DailyTrades, d.TradeCount);
        store.SetInt64(RuntimeStateKeys.DailyWins, d.Wins);
        store.SetInt64(RuntimeStateKeys.DailyLosses, d.Losses);
        store.SetInt64(RuntimeStateKeys.DailySlippageBreaches, d.SlippageBreaches);
        var k = snapshot.KillSwitch;
        store.SetBoolean(RuntimeStateKeys.KillTripped, k.IsTripped);
        store.SetString(RuntimeStateKeys.KillReason, k.Reason.ToString());
        store.SetString(RuntimeStateKeys.KillDetail, k.Detail ?? "");
        store.SetInt64(RuntimeStateKeys.KillTrippedNs, k.TrippedNs);
        store.SetInt64(RuntimeStateKeys.KillResumedNs, k.ResumedNs);
        store.SetInt64(RuntimeStateKeys.KillTripCount, k.TripCount);
    }

    /// <summary>Reads the saved state; null when nothing was ever saved (first start). Parts never saved stay null.</summary>
    public static RestoredState? Load(IEngineStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        bool any = false;
        decimal? equity = store.TryGetDecimal(RuntimeStateKeys.Equity, out decimal e) ? e : null;
        decimal? peak = store.TryGetDecimal(RuntimeStateKeys.PeakEquity, out decimal pk) ? pk : null;
        any |= equity is not null || peak is not null;
        store.TryGetInt64(RuntimeStateKeys.LastLossNs, out long lastLoss);

        DailyTotals? daily = null;
        if (store.TryGetInt64(RuntimeStateKeys.DayStartNs, out long day))
        {
            any = true;
            store.TryGetDecimal(RuntimeStateKeys.DailyRealizedPnl, out decimal pnl);
            store.TryGetDouble(RuntimeStateKeys.DailyNetR, out double netR);
            store.TryGetDouble(RuntimeStateKeys.DailyRLost, out double rLost);
            store.TryGetInt64(RuntimeStateKeys.DailyEntries, out long entries);
            store.TryGetInt64(RuntimeStateKeys.DailyTrades, out long trades);
            store.TryGetInt64(RuntimeStateKeys.DailyWins, out long wins);
            store.TryGetInt64(RuntimeStateKeys.DailyLosses, out long losses);
            store.TryGetInt64(RuntimeStateKeys.DailySlippageBreaches, out long breaches);
            daily = new DailyTotals(day, pnl, netR, rLost, entries, trades, wins, losses, breaches);
        }

        KillSwitchStatus? kill = null;
        if (store.TryGetBoolean(RuntimeStateKeys.KillTripped, out bool tripped))
        {
            any = true;
            var reason = store.TryGetString(RuntimeStateKeys.KillReason, out var r) && Enum.TryParse<KillSwitchReason>(r, out var parsed)
                ? parsed
                : KillSwitchReason.None;
            if (tripped && reason == KillSwitchReason.None) reason = KillSwitchReason.Reconciliation; // an unreadable reason still keeps the switch tripped
            store.TryGetString(RuntimeStateKeys.KillDetail, out var detail);
            store.TryGetInt64(RuntimeStateKeys.KillTrippedNs, out long trippedNs);
            store.TryGetInt64(RuntimeStateKeys.KillResumedNs, out long resumedNs);
            store.TryGetInt64(RuntimeStateKeys.KillTripCount, out long count);
            kill = new KillSwitchStatus(tripped, reason, string.IsNullOrEmpty(detail) ? null : detail, trippedNs, resumedNs, count);
        }
        return any ? new RestoredState(equity, peak, daily, kill, lastLoss) : null;
    }
}
