using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>Bringing the working orders to the plan: take-profits for every open unit, levels from the planner.</summary>
public sealed partial class GridStrategy
{
    private readonly GridLevel[] _plan;
    private readonly bool[] _matched;
    private readonly Dictionary<(Side Side, long KeyTicks), GridRetry> _retries = new();
    private readonly HashSet<(Side Side, long KeyTicks)> _blocked = new();
    private long[] _occupiedBuy = new long[8];
    private long[] _occupiedSell = new long[8];

    /// <summary>
    /// Every open unit gets take-profits for all its open lots, one spacing away from its entry (moved a tick further
    /// per post-only reject, and never at a price that would take per the local book). A unit covered by more than it
    /// holds (part of it was closed another way) has its take-profits cancelled and re-placed once they are gone.
    /// </summary>
    private void ReconcileTakeProfits()
    {
        if (_mode is GridMode.Stopped or GridMode.Killed) return;
        var units = _ledger.Units;
        var live = _orders.Live;
        for (int i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.OpenLots <= 0 || unit.TakeProfitBlocked) continue;
            long covered = 0;
            bool cancelling = false;
            for (int j = 0; j < live.Count; j++)
            {
                var o = live[j];
                if (o.Kind != GridOrderKind.TakeProfit || o.Unit != unit || o.IsTerminal) continue;
                if (o.CancelSent) cancelling = true;
                else covered += o.RemainingLots;
            }
            if (cancelling) continue;

            long need = unit.OpenLots - covered;
            if (need < 0)
            {
                for (int j = 0; j < live.Count; j++)
                {
                    var o = live[j];
                    if (o.Kind == GridOrderKind.TakeProfit && o.Unit == unit && !o.IsTerminal && !o.CancelSent) _send.Cancel(o);
                }
                continue;
            }
            if (need == 0) continue;
            bool moreFillsComing = unit.LevelOrder is { IsTerminal: false };
            if (need < Math.Max(1, _spec.MinLots) && moreFillsComing) continue; // wait until the piece is big enough to place
            PlaceTakeProfit(unit, need);
        }
    }

    private void PlaceTakeProfit(GridUnit unit, long lots)
    {
        var side = unit.Side.Opposite();
        long price = unit.TakeProfitTicks + (side == Side.Sell ? unit.TakeProfitOffsetTicks : -unit.TakeProfitOffsetTicks);
        if (side == Side.Sell && _bid > 0 && price <= _bid) price = _bid + 1; // already through: rest at the touch, post-only
        if (side == Side.Buy && _ask > 0 && price >= _ask) price = _ask - 1;
        if (price <= 0) return;

        long sequence;
        int attempt = 0;
        if (unit.RetryPending)
        {
            sequence = unit.RetrySequence;
            attempt = unit.RetryAttempt + 1;
            unit.RetryPending = false;
        }
        else
        {
            sequence = _send.NextSequence();
        }
        var request = _send.PostOnly(sequence, attempt, OrderRole.GridTakeProfit, side, price, lots, reduceOnly: true);
        _orders.Add(new GridOrder(request, GridOrderKind.TakeProfit, unit.TakeProfitTicks, _spacing, unit, sequence, attempt, _nowNs));
        _send.Place(request);
    }

    /// <summary>Plans the levels and sends only the difference: cancels of working levels not in the plan, then places.</summary>
    private void ReconcileLevels()
    {
        int occupiedBuy = 0, occupiedSell = 0;
        foreach (var unit in _ledger.Units)
        {
            if (unit.OpenLots <= 0 || unit.LevelOrder is { IsTerminal: false }) continue;
            if (unit.Side == Side.Buy) Append(ref _occupiedBuy, ref occupiedBuy, unit.KeyTicks);
            else Append(ref _occupiedSell, ref occupiedSell, unit.KeyTicks);
        }

        long reservedBuy = 0, reservedSell = 0, buyTpLow = 0, buyTpHigh = 0, sellTpLow = 0, sellTpHigh = 0, filledBuy = 0, filledSell = 0;
        var live = _orders.Live;
        for (int i = 0; i < live.Count; i++)
        {
            var o = live[i];
            if (o.IsTerminal) continue;
            if (o.Kind == GridOrderKind.Level && !o.CancelSent)
            {
                if (o.Side == Side.Buy) filledBuy += o.FilledLots;
                else filledSell += o.FilledLots;
                continue;
            }
            if (o.Side == Side.Buy) reservedBuy += o.RemainingLots;
            else reservedSell += o.RemainingLots;
            if (o.Kind != GridOrderKind.TakeProfit) continue;
            if (o.Side == Side.Buy) Widen(ref buyTpLow, ref buyTpHigh, o.PriceTicks);
            else Widen(ref sellTpLow, ref sellTpHigh, o.PriceTicks);
        }

        var request = new GridPlanRequest(_center, _spacing, _options.Levels, _lotsPerLevel, _ledger.InventoryLots,
            _options.MaxInventoryLevels * _lotsPerLevel, reservedBuy, reservedSell, buyTpLow, buyTpHigh, sellTpLow, sellTpHigh, filledBuy, filledSell, _spec);
        int n = GridPlanner.PlanLevels(request, _occupiedBuy.AsSpan(0, occupiedBuy), _occupiedSell.AsSpan(0, occupiedSell), _plan);

        Array.Clear(_matched);
        for (int i = 0; i < live.Count; i++)
        {
            var o = live[i];
            if (o.Kind != GridOrderKind.Level || o.IsTerminal || o.CancelSent) continue;
            int match = Find(o, n);
            if (match >= 0) _matched[match] = true;
            else _send.Cancel(o);
        }

        // The plan counted orders being cancelled before this pass only; those cancelled just now may still fill too.
        // New levels go out only while inventory plus every live order on their side stays within the cap, so the
        // worst case (everything on one side fills, nothing is cancelled in time) never exceeds it.
        long cap = request.MaxInventoryLots;
        long worstLong = _ledger.InventoryLots, worstShort = -_ledger.InventoryLots;
        for (int i = 0; i < live.Count; i++)
        {
            var o = live[i];
            if (o.IsTerminal) continue;
            if (o.Side == Side.Buy) worstLong += o.RemainingLots;
            else worstShort += o.RemainingLots;
        }
        for (int j = 0; j < n; j++)
        {
            if (_matched[j]) continue;
            ref readonly var level = ref _plan[j];
            ref long worst = ref level.Side == Side.Buy ? ref worstLong : ref worstShort;
            if (worst + level.Lots > cap) continue;
            if (PlaceLevel(level)) worst += level.Lots;
        }
    }

    private int Find(GridOrder order, int planned)
    {
        for (int j = 0; j < planned; j++)
        {
            ref readonly var level = ref _plan[j];
            if (!_matched[j] && level.Side == order.Side && level.PriceTicks == order.KeyTicks && level.Lots == order.Lots) return j;
        }
        return -1;
    }

    private bool PlaceLevel(in GridLevel level)
    {
        var key = (level.Side, level.PriceTicks);
        if (_blocked.Contains(key)) return false;
        long price = level.PriceTicks;
        long sequence;
        int attempt = 0;
        if (_retries.TryGetValue(key, out var retry))
        {
            if (retry.OffsetTicks >= _spacing) return false; // moved a whole level away already: wait for the next re-centering
            price += level.Side == Side.Buy ? -retry.OffsetTicks : retry.OffsetTicks;
        }
        if (price <= 0) return false;
        if (level.Side == Side.Buy ? _ask > 0 && price >= _ask : _bid > 0 && price <= _bid) return false; // would take: wait for the market to leave it
        if (retry is { Pending: true })
        {
            sequence = retry.Sequence;
            attempt = retry.Attempt + 1;
            retry.Pending = false;
        }
        else
        {
            sequence = _send.NextSequence();
        }
        var request = _send.PostOnly(sequence, attempt, OrderRole.GridLevel, level.Side, price, level.Lots, reduceOnly: false);
        _orders.Add(new GridOrder(request, GridOrderKind.Level, level.PriceTicks, _spacing, null, sequence, attempt, _nowNs));
        _send.Place(request);
        return true;
    }

    private static void Append(ref long[] buffer, ref int count, long value)
    {
        if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        buffer[count++] = value;
    }

    private static void Widen(ref long low, ref long high, long price)
    {
        if (low == 0 || price < low) low = price;
        if (price > high) high = price;
    }
}
