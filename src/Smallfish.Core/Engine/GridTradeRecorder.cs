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
internal sealed class GridTradeRecorder(InstrumentSpec spec, RuntimeState state, IJournal journal, TimeProvider clock) : IGridRoundTripSink
{
    /// <summary>Round trips booked.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void OnRoundTrip(GridRoundTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var result = trip.ToTradeResult(spec);
        state.OnGridExit(result);
        journal.RecordTrade(result);
        var equity = state.Equity;
        journal.RecordEquity(new EquitySnapshot(Math.Max(trip.ClosedNs, clock.GetUnixTimeNs()), equity.Equity, equity.PeakEquity, equity.DrawdownPct, state.Positions.Count));
        Count++;
    }
}
