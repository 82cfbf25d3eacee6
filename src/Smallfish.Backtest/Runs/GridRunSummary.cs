using System.Globalization;
using Smallfish.Core.Grid;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// What the multigrid did in one (symbol, profile) run, added up over its sessions (each session has a fresh engine):
/// round trips, take-profits, realized net P&amp;L, fees, the largest inventory, re-centerings, the spacing and its fee
/// floor, and how each session's grid ended. Collected from the engines' <see cref="GridState"/> at the end of each session.
/// </summary>
public sealed class GridRunSummary
{
    private readonly List<GridState> _sessions = new();

    /// <summary>The grid state at the end of each session, in order.</summary>
    public IReadOnlyList<GridState> Sessions => _sessions;

    /// <summary>Adds the end state of one session's grid.</summary>
    public void Add(GridState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_sessions) _sessions.Add(state);
    }

    /// <summary>
    /// One line for the terminal, e.g. <c>grid: 12 round trips (11 take-profits), net 1.23, fees 0.45, peak inventory 6
    /// lots, 3 re-centers, spacing 396 ticks (fee floor 360), ended running</c>; or why the grid never started.
    /// </summary>
    public string Describe(decimal equity, double sizePerLevelPct)
    {
        if (_sessions.Count == 0) return "grid: off";
        if (_sessions.TrueForAll(static s => s.LotsPerLevel == 0 && s.CenterTicks == 0))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"grid: never started: {sizePerLevelPct:0.##} % of {equity:0.##} per level is below the instrument's minimum quantity or notional (raise --equity or Multigrid:SizePerLevelPct)");
        }
        long trips = 0, takeProfits = 0, peak = 0, recenters = 0, spacing = 0, floor = 0;
        decimal net = 0, fees = 0;
        foreach (var s in _sessions)
        {
            trips += s.RoundTrips;
            takeProfits += s.TakeProfits;
            net += s.RealizedPnl;
            fees += s.Fees;
            peak = Math.Max(peak, Math.Abs(s.PeakInventoryLots));
            recenters += s.Recenters;
            if (s.SpacingTicks > 0) spacing = s.SpacingTicks;
            if (s.FeeFloorTicks > 0) floor = s.FeeFloorTicks;
        }
        string ended = string.Join("/", _sessions.Select(static s => s.Mode.ToString().ToLowerInvariant()));
        return string.Create(CultureInfo.InvariantCulture,
            $"grid: {trips} round trips ({takeProfits} take-profits), realized net {net:0.####}, fees {fees:0.####}, peak inventory {peak} lots, {recenters} re-centers, spacing {spacing} ticks (fee floor {floor}), sessions ended {ended}");
    }
}
