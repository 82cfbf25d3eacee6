using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.State;
using Smallfish.Core.Time;

namespace Smallfish.Core.Engine;

/// <summary>
/// Books every grid round trip into the one ledger: equity and the day's counters (<see cref="RuntimeState.OnGridExit"/>),
/// the journal's trades (<see cref="GridRoundTrip.ToTradeResult"/>) and an equity point. The kill switch's daily limits
/// are checked by the engine once the grid call that closed it has returned.
/// </summary>
/// <remarks>
/// A grid level has no stop, so its R is measured against the scalper's risk unit: net P&amp;L over
/// <paramref name="riskPerTradePct"/> % of the equity before the round trip. That puts grid losses in the day's R, and the
/// daily loss limit in R (<c>Risk:DailyLossLimitR</c>) trips the kill switch for the grid as for the scalper.
/// </remarks>
internal sealed class GridTradeRecorder(InstrumentSpec spec, RuntimeState state, IJournal journal, TimeProvider clock, double riskPerTradePct) : IGridRoundTripSink
{
    /// <summary>Round trips booked.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void OnRoundTrip(GridRoundTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        decimal unit = state.Equity.Equity * (decimal)riskPerTradePct / 100m;
        var result = trip.ToTradeResult(spec);
        if (unit > 0) result = result with { RMultiple = (double)(result.NetPnl / unit) };
        state.OnGridExit(result);
        journal.RecordTrade(result);
        var equity = state.Equity;
        journal.RecordEquity(new EquitySnapshot(Math.Max(trip.ClosedNs, clock.GetUnixTimeNs()), equity.Equity, equity.PeakEquity, equity.DrawdownPct, state.Positions.Count));
        Count++;
    }
}
