using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Grid;

/// <summary>
/// The grid's inventory and accounting: fills open and close units, closes become round trips. A fill against the
/// inventory first closes the unit its take-profit belongs to, then the oldest units (first in, first out), and only
/// the rest opens new inventory, so units are always on one side and sum to the net inventory, as the venue's one-way
/// position does. Realized P&amp;L is by construction the sum of the round trips' net P&amp;L.
/// </summary>
internal sealed class GridLedger
{
    private readonly InstrumentSpec _spec;
    private readonly decimal _tickValue;
    private readonly IGridRoundTripSink? _sink;
    private readonly List<GridUnit> _units = new();
    private long _unitIds;

    public GridLedger(InstrumentSpec spec, IGridRoundTripSink? sink)
    {
        _spec = spec;
        _tickValue = spec.TickSize * spec.QtyStep;
        _sink = sink;
    }

    public List<GridUnit> Units => _units;

    /// <summary>Net inventory, lots (positive = long).</summary>
    public long InventoryLots { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal TotalFees { get; private set; }

    public long RoundTrips { get; private set; }

    public long TakeProfits { get; private set; }

    /// <summary>Books <paramref name="fill"/> of <paramref name="order"/>.</summary>
    public void Apply(GridOrder order, in Fill fill)
    {
        long lots = fill.QtyLots;
        if (lots <= 0) return;
        InventoryLots += fill.Side.Sign() * lots;
        TotalFees += fill.Fee;
        var fee = new FeeSplitter(fill.Fee, lots);

        long left = lots;
        if (order.Kind == GridOrderKind.TakeProfit && order.Unit is { OpenLots: > 0 } own && own.Side != fill.Side)
        {
            left -= Close(own, fill, left, ref fee, GridExitKind.TakeProfit);
        }
        var exit = order.Kind switch
        {
            GridOrderKind.Flatten => GridExitKind.Flatten,
            GridOrderKind.TakeProfit => GridExitKind.TakeProfit,
            _ => GridExitKind.Offset,
        };
        for (int i = 0; i < _units.Count && left > 0; i++)
        {
            var unit = _units[i];
            if (unit.Side != fill.Side && unit.OpenLots > 0) left -= Close(unit, fill, left, ref fee, exit);
        }
        _units.RemoveAll(static u => u.OpenLots == 0);
        if (left > 0) Open(order, fill, left, fee.Take(left));
    }

    /// <summary>Open inventory at its exit price (bid for long, ask for short) minus its entry fees; 0 when flat.</summary>
    public decimal Unrealized(long bidTicks, long askTicks)
    {
        decimal total = 0;
        foreach (var u in _units)
        {
            long mark = u.Side == Side.Buy ? bidTicks : askTicks;
            if (mark <= 0) continue;
            total += (mark - u.EntryTicks) * u.OpenLots * u.Side.Sign() * _tickValue - u.EntryFees;
        }
        return total;
    }

    /// <summary>Average entry of the open inventory, ticks; 0 when flat.</summary>
    public decimal AvgEntryTicks()
    {
        decimal notional = 0;
        long lots = 0;
        foreach (var u in _units)
        {
            notional += u.EntryTicks * u.OpenLots;
            lots += u.OpenLots;
        }
        return lots == 0 ? 0 : notional / lots;
    }

    /// <summary>Entry fees of the open inventory.</summary>
    public decimal OpenFees()
    {
        decimal fees = 0;
        foreach (var u in _units) fees += u.EntryFees;
        return fees;
    }

    private long Close(GridUnit unit, in Fill fill, long maxLots, ref FeeSplitter fee, GridExitKind exit)
    {
        long n = Math.Min(maxLots, unit.OpenLots);
        decimal entry = unit.EntryTicks;
        decimal fees = unit.Remove(n) + fee.Take(n);
        decimal gross = (fill.PriceTicks - entry) * n * unit.Side.Sign() * _tickValue;
        var trip = new GridRoundTrip(unit.Side, entry, fill.PriceTicks, n, gross, fees, gross - fees, unit.OpenedNs, fill.TsNs, exit);
        RealizedPnl += trip.NetPnl;
        RoundTrips++;
        if (exit == GridExitKind.TakeProfit) TakeProfits++;
        _sink?.OnRoundTrip(trip);
        return n;
    }

    private void Open(GridOrder order, in Fill fill, long lots, decimal fee)
    {
        GridUnit? unit = order.Kind == GridOrderKind.Level && order.Unit is { OpenLots: > 0 } current && current.Side == fill.Side ? current : null;
        if (unit is null)
        {
            long spacing = Math.Max(1, order.SpacingTicks);
            long takeProfit = fill.PriceTicks + fill.Side.Sign() * spacing; // a buy sells one level higher
            bool level = order.Kind == GridOrderKind.Level;
            unit = new GridUnit(++_unitIds, fill.Side, level ? order.KeyTicks : fill.PriceTicks, takeProfit, level ? order : null, fill.TsNs);
            _units.Add(unit);
            if (level) order.Unit = unit;
        }
        unit.Add(fill.PriceTicks, lots, fee);
    }

    /// <summary>Splits one fill's fee over the pieces it closes and opens so that the pieces add up to it exactly.</summary>
    private struct FeeSplitter
    {
        private readonly decimal _fee;
        private readonly long _lots;
        private decimal _left;
        private long _lotsLeft;

        public FeeSplitter(decimal fee, long lots)
        {
            _fee = fee;
            _lots = lots;
            _left = fee;
            _lotsLeft = lots;
        }

        public decimal Take(long n)
        {
            if (n >= _lotsLeft)
            {
                decimal all = _left;
                _left = 0;
                _lotsLeft = 0;
                return all;
            }
            decimal part = _fee * n / _lots;
            _left -= part;
            _lotsLeft -= n;
            return part;
        }
    }
}
