using Smallfish.Core.Instruments;
using Smallfish.Simulation.Backtesting.Statistics;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Samples each symbol's equity at the venue: starting equity plus the symbol's realized P&amp;L, minus its fees and
/// funding, plus the open position marked at the venue book's mid (the last mark when the book is not usable). What
/// the simulated account really holds, independent of what the strategy believes.
/// </summary>
internal sealed class EquityTracker
{
    private readonly SimulatedVenue _venue;
    private readonly IReadOnlyList<InstrumentSpec> _specs;
    private readonly decimal _start;
    private readonly decimal[] _lastMark;
    private readonly List<EquityPoint>[] _series;

    public EquityTracker(SimulatedVenue venue, IReadOnlyList<InstrumentSpec> specs, decimal startingEquity)
    {
        _venue = venue;
        _specs = specs;
        _start = startingEquity;
        _lastMark = new decimal[specs.Count];
        _series = new List<EquityPoint>[specs.Count];
        for (int i = 0; i < _series.Length; i++) _series[i] = new List<EquityPoint>();
    }

    public IReadOnlyList<EquityPoint> Series(int id) => _series[id];

    /// <summary>Adds a point for every symbol at <paramref name="nowNs"/> (replacing a point already at that time).</summary>
    public void Sample(long nowNs)
    {
        for (int i = 0; i < _specs.Count; i++)
        {
            var point = new EquityPoint(nowNs, EquityOf(i));
            var list = _series[i];
            if (list.Count > 0 && list[^1].TsNs == nowNs) list[^1] = point;
            else if (list.Count == 0 || list[^1].TsNs < nowNs) list.Add(point);
        }
    }

    private decimal EquityOf(int id)
    {
        var spec = _specs[id];
        var position = _venue.GetPosition(spec.Symbol);
        decimal equity = _start + position.RealizedPnl - position.Fees - position.Funding;
        var book = _venue.GetBook(spec.Symbol);
        if (book.IsValid && book.HasTwoSides) _lastMark[id] = (book.BestBid + book.BestAsk) / 2m;
        if (position.NetLots != 0 && _lastMark[id] != 0)
            equity += (_lastMark[id] - position.AvgEntryTicks) * spec.TickSize * position.NetLots * spec.QtyStep;
        return equity;
    }
}
