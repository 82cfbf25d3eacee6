using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>What protects the account from the grid: the grid stop, the kill switch, the flatten, the P&amp;L watch.</summary>
public sealed partial class GridStrategy
{
    private bool CheckStop()
    {
        decimal limit = StopLimit();
        if (limit <= 0 || _center == 0 && _ledger.InventoryLots == 0) return false;
        if (_ledger.InventoryLots != 0 && (_bid == 0 || _ask == 0)) return false; // no mark yet
        decimal pnl = _ledger.RealizedPnl - _realizedAtStart + _ledger.Unrealized(_bid, _ask);
        if (pnl > -limit) return false;
        StopGrid(GridStopReason.LossLimit);
        return true;
    }

    private decimal StopLimit()
    {
        decimal pct = _startEquity > 0 ? _startEquity * (decimal)_options.GridStopPct / 100m : 0m;
        decimal money = _options.GridStopMoney;
        if (pct > 0 && money > 0) return Math.Min(pct, money);
        return pct > 0 ? pct : money;
    }

    private void StopGrid(GridStopReason reason)
    {
        if (_mode == GridMode.Stopped) return;
        _mode = GridMode.Stopped;
        _stopReason = reason;
        CancelOrders(null);
        _flattenWanted = true;
        EnsureFlat();
    }

    private void EnterKilled()
    {
        bool first = _mode != GridMode.Killed;
        _mode = GridMode.Killed;
        CancelOrders(null);
        if (first) _flattenWanted = _flattenOnKill;
        if (_flattenWanted) EnsureFlat();
    }

    private void Resume()
    {
        _mode = GridMode.Idle;
        _flattenWanted = false;
        _center = 0; // re-arm from a fresh center
    }

    /// <summary>
    /// Sends one reduce-only market order for the whole inventory unless one is already working, or one failed (refused or
    /// not completely filled) less than <see cref="FlattenRetryNs"/> ago.
    /// </summary>
    private void EnsureFlat()
    {
        long inventory = _ledger.InventoryLots;
        if (inventory == 0) return;
        if (_lastFlattenFailNs != 0 && _nowNs - _lastFlattenFailNs < FlattenRetryNs) return;
        foreach (var o in _orders.Live)
        {
            if (o.Kind == GridOrderKind.Flatten && !o.IsTerminal) return;
        }
        long sequence = _send.NextSequence();
        var request = _send.MarketReduceOnly(sequence, inventory > 0 ? Side.Sell : Side.Buy, Math.Abs(inventory));
        _orders.Add(new GridOrder(request, GridOrderKind.Flatten, 0, _spacing, null, sequence, 0, _nowNs));
        _send.Place(request);
    }

    /// <summary>Cancels every live order of <paramref name="kind"/> (null = every level and take-profit; a market flatten cannot be cancelled).</summary>
    private void CancelOrders(GridOrderKind? kind)
    {
        var live = _orders.Live;
        for (int i = 0; i < live.Count; i++)
        {
            var o = live[i];
            if (o.IsTerminal || o.CancelSent || o.Kind == GridOrderKind.Flatten) continue;
            if (kind is { } k && o.Kind != k) continue;
            _send.Cancel(o);
        }
    }

    private void Track()
    {
        long inventory = Math.Abs(_ledger.InventoryLots);
        if (inventory > _peakInventory) _peakInventory = inventory;
        if (_ledger.InventoryLots != 0 && (_bid == 0 || _ask == 0)) return;
        decimal pnl = _ledger.RealizedPnl + _ledger.Unrealized(_bid, _ask);
        if (pnl > _peakPnl) _peakPnl = pnl;
        if (_peakPnl - pnl > _maxDrawdown) _maxDrawdown = _peakPnl - pnl;
    }
}
