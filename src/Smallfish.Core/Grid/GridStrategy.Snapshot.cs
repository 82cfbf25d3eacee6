using System.Collections.Immutable;
using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>The read side: an immutable <see cref="GridState"/> for the status endpoint, <c>/grid</c> and the dashboard.</summary>
public sealed partial class GridStrategy
{
    /// <summary>Builds an immutable copy of the grid (writer thread only; allocates).</summary>
    public GridState Snapshot()
    {
        var live = _orders.Live;
        var orders = ImmutableArray.CreateBuilder<GridLevelSnapshot>();
        for (int i = 0; i < live.Count; i++)
        {
            var o = live[i];
            if (o.IsTerminal) continue;
            var status = o.CancelSent ? GridLevelStatus.Cancelling
                : o.Status == OrderStatus.PendingNew ? GridLevelStatus.Pending
                : o.FilledLots > 0 ? GridLevelStatus.PartiallyFilled
                : GridLevelStatus.Working;
            orders.Add(new GridLevelSnapshot(o.Kind, IndexOf(o.PriceTicks), o.Side, o.PriceTicks, o.Lots, o.FilledLots, status, o.Id));
        }
        orders.Sort(static (a, b) => a.PriceTicks != b.PriceTicks ? a.PriceTicks.CompareTo(b.PriceTicks) : string.CompareOrdinal(a.ClientOrderId, b.ClientOrderId));

        var units = ImmutableArray.CreateBuilder<GridUnitSnapshot>(_ledger.Units.Count);
        foreach (var u in _ledger.Units)
        {
            long working = 0;
            for (int i = 0; i < live.Count; i++)
            {
                var o = live[i];
                if (o.Kind == GridOrderKind.TakeProfit && o.Unit == u && !o.IsTerminal) working += o.RemainingLots;
            }
            units.Add(new GridUnitSnapshot(u.Side, u.KeyTicks, u.EntryTicks, u.OpenLots, u.TakeProfitTicks, working, u.EntryFees));
        }

        bool marked = _ledger.InventoryLots == 0 || _bid > 0 && _ask > 0;
        return new GridState(
            _spec.Symbol, _nowNs, _mode, _gateReason, _stopReason, _center, _targetCenter, _rawCenter, _spacing, _biasSignal, _biasLevels, _lotsPerLevel,
            _recenters, _ledger.InventoryLots, _options.MaxInventoryLevels * _lotsPerLevel, _peakInventory, _ledger.AvgEntryTicks(),
            _ledger.RealizedPnl, marked ? _ledger.Unrealized(_bid, _ask) : -_ledger.OpenFees(), _ledger.TotalFees, _ledger.RoundTrips,
            _ledger.TakeProfits, _maxDrawdown, _postOnlyRejects, _rejects, orders.ToImmutable(), units.MoveToImmutable())
        {
            FeeFloorTicks = _feeFloor,
        };
    }

    private int IndexOf(long priceTicks)
    {
        if (_center <= 0 || _spacing <= 0 || priceTicks <= 0) return 0;
        return (int)Math.Round((double)(priceTicks - _center) / _spacing, MidpointRounding.AwayFromZero);
    }
}
