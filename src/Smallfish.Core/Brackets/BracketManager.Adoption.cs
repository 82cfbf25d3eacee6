using Smallfish.Core.Domain;

namespace Smallfish.Core.Brackets;

/// <summary>Taking over a position an earlier run opened (restart reconciliation).</summary>
public sealed partial class BracketManager
{
    /// <summary>
    /// Takes over <paramref name="takeover"/>'s position and adopted orders, then restores the bracket's invariants at
    /// once, within this call: a stop already at or through the last price, or a missing stop whose level has been
    /// crossed, closes the position at market (the rule <see cref="Reconcile"/> applies); otherwise a missing stop is
    /// placed for the full size, an adopted one is resized to it, and the take-profit is placed or resized.
    /// </summary>
    internal void Adopt(BracketTakeover takeover, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(takeover);
        if (Position is not null) throw new InvalidOperationException($"{_spec.Symbol} already has a position");
        var p = takeover.Position;
        Position = p;
        Sequence = takeover.Sequence;
        DistanceTicks = Math.Max(1, takeover.DistanceTicks);
        Stage = takeover.Stage;
        StopOrder = takeover.Stop;
        TakeProfitOrder = takeover.TakeProfit;
        PartialOrder = takeover.Partial;
        ExitOrder = null;
        PendingExit = null;
        ProtectionFailed = false;
        _stopRejects = _tpRejects = _exitAttempts = 0;
        _stopRetryable = false;
        _exitNotBeforeNs = 0;
        Array.Clear(_attempts);
        _partialPriceTicks = takeover.PartialPriceTicks;
        _entryLots = p.InitialQtyLots;

        _trip.Reset();
        if (takeover.History is { } history)
        {
            // The journal's books agree with the exchange: the round trip continues with its real fills.
            long open = 0;
            foreach (var f in history)
            {
                if (f.Side == p.Side)
                {
                    _trip.AddEntry(f.PriceTicks, f.QtyLots);
                    open += f.QtyLots;
                }
                else
                {
                    long lots = Math.Min(open, f.QtyLots);
                    _trip.AddExit(p, f.PriceTicks, lots, _spec);
                    open -= lots;
                }
            }
        }
        else
        {
            _trip.AddEntry(p.EntryPriceTicks, p.QtyLots);
        }

        if (takeover.ReferencePriceTicks > 0)
        {
            LastTradeTicks = takeover.ReferencePriceTicks;
            p.Mark(takeover.ReferencePriceTicks);
        }
        if (StopOrder is { IsActive: true } stop && IsThrough(stop.TriggerTicks, p.Side))
        {
            RequestExit(StopReason(), nowNs); // the exchange's stop should have fired: do what it would have done
            return;
        }
        SyncOrders(nowNs);
    }
}
