using Smallfish.Core.Domain;

namespace Smallfish.Core.State;

/// <summary>
/// The day's counters (realized P&amp;L, R, trades, slippage breaches). The day is the UTC calendar day; it rolls when
/// a time at or after the next UTC midnight is passed in. No clock is read here.
/// </summary>
public sealed class DailyCounters
{
    /// <summary>Nanoseconds per day.</summary>
    public const long DayNs = 86_400_000_000_000L;

    /// <summary>Starts the day that contains <paramref name="nowNs"/>.</summary>
    public DailyCounters(long nowNs) => DayStartNs = DayStart(nowNs);

    /// <summary>UTC midnight that started the current day, ns.</summary>
    public long DayStartNs { get; private set; }

    /// <summary>Net realized P&amp;L of trades closed today, quote currency.</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>Sum of the R multiples of trades closed today.</summary>
    public double NetR { get; private set; }

    /// <summary>Sum of the R lost on losing trades today (positive number).</summary>
    public double RLost { get; private set; }

    /// <summary>Positions opened today.</summary>
    public long Entries { get; private set; }

    /// <summary>Round trips closed today.</summary>
    public long TradeCount { get; private set; }

    /// <summary>Trades closed with a positive net P&amp;L today.</summary>
    public long Wins { get; private set; }

    /// <summary>Trades closed with a negative net P&amp;L today.</summary>
    public long Losses { get; private set; }

    /// <summary>Slippage breaches today.</summary>
    public long SlippageBreaches { get; private set; }

    /// <summary>Number of day rolls since start.</summary>
    public long Rolls { get; private set; }

    /// <summary>UTC midnight at or before <paramref name="nowNs"/>.</summary>
    public static long DayStart(long nowNs)
    {
        long rem = nowNs % DayNs;
        if (rem < 0) rem += DayNs;
        return nowNs - rem;
    }

    /// <summary>Starts a new day when <paramref name="nowNs"/> is at or after the next UTC midnight. Returns true when it rolled.</summary>
    public bool RollIfNeeded(long nowNs)
    {
        if (nowNs < DayStartNs + DayNs) return false;
        DayStartNs = DayStart(nowNs);
        RealizedPnl = 0;
        NetR = RLost = 0;
        Entries = TradeCount = Wins = Losses = SlippageBreaches = 0;
        Rolls++;
        return true;
    }

    /// <summary>
    /// Continues the day from counters saved before a restart: they are taken over when they belong to the current
    /// day, and ignored (the day starts at zero) when that day is over. Returns true when they were taken over.
    /// </summary>
    public bool Restore(DailyTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.DayStartNs != DayStartNs) return false;
        RealizedPnl = totals.RealizedPnl;
        NetR = totals.NetR;
        RLost = totals.RLost;
        Entries = totals.Entries;
        TradeCount = totals.TradeCount;
        Wins = totals.Wins;
        Losses = totals.Losses;
        SlippageBreaches = totals.SlippageBreaches;
        return true;
    }

    /// <summary>Counts an entry.</summary>
    public void RecordEntry() => Entries++;

    /// <summary>Counts a closed round trip.</summary>
    public void RecordExit(TradeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        TradeCount++;
        RealizedPnl += result.NetPnl;
        if (double.IsFinite(result.RMultiple))
        {
            NetR += result.RMultiple;
            if (result.RMultiple < 0) RLost -= result.RMultiple;
        }
        if (result.NetPnl > 0) Wins++;
        else if (result.NetPnl < 0) Losses++;
    }

    /// <summary>Counts a slippage breach.</summary>
    public void RecordSlippageBreach() => SlippageBreaches++;

    /// <summary>An immutable copy.</summary>
    public DailyTotals Snapshot() => new(DayStartNs, RealizedPnl, NetR, RLost, Entries, TradeCount, Wins, Losses, SlippageBreaches);
}
