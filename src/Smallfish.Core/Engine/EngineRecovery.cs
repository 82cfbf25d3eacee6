using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Recovery;

namespace Smallfish.Core.Engine;

/// <summary>
/// The restart reconciliation behind <see cref="TradingEngine.Reconcile"/>, in this order: restore the saved state
/// and continue the decision sequence; book the executions the journal missed (and the round trips they closed);
/// journal as finished the orders the exchange no longer has; take over each exchange position and protect it at
/// once; cancel the Smallfish orders nothing owns any more (and foreign ones, by policy); remember every execution
/// id; settle the kill switch and the brackets. Then it tells the engine when the takeover is complete: every
/// position has a stop the exchange acknowledged for its full size (or is flat) and every order it cancelled is gone.
/// </summary>
internal sealed partial class EngineRecovery
{
    private readonly TradingEngine _engine;
    private readonly SymbolContext[] _contexts;
    private readonly OrderEmitter _emitter;
    private readonly IJournal _journal;
    private readonly FeatureEngine _features;
    private readonly List<ManagedOrder> _cancelled = new();

    public EngineRecovery(TradingEngine engine, SymbolContext[] contexts, OrderEmitter emitter, IJournal journal, FeatureEngine features)
    {
        _engine = engine;
        _contexts = contexts;
        _emitter = emitter;
        _journal = journal;
        _features = features;
    }

    public ReconciliationReport Run(ReconciliationInput input, long nowNs)
    {
        long sequence = input.MaxSequenceSeen();
        _engine.ResumeSequence(sequence);
        var report = new ReconciliationReport(_engine.Run, sequence);
        if (input.Restored is { } restored) _engine.State.Restore(restored, nowNs);

        var work = Group(input, report);
        BookMissedFills(input, work, report, nowNs);
        ResolveJournalOrders(input, report, nowNs);

        // Protection first: every position is taken over and its stop sent before any cancel goes out.
        var cancels = new List<(SymbolContext Ctx, ManagedOrder Order, RecoveryCancelReason Reason)>();
        foreach (var w in work)
        {
            if (w is null) continue;
            if (w.Position is not null) TakeOver(w, input, cancels, report, nowNs);
            else AdoptForCancel(w, input, cancels, report, nowNs);
        }
        foreach (var (ctx, order, reason) in cancels)
        {
            _emitter.Cancel(order, nowNs);
            _cancelled.Add(order);
            report.CancelledList.Add(new CancelledOrder(ctx.Symbol, order.ClientOrderId, reason));
        }
        CancelForeign(work, report);

        foreach (var f in input.Executions) _engine.MarkExecution(f.ExecId);
        if (input.ExchangeEquity is { } equity) _engine.State.SetEquity(equity, nowNs);
        _engine.SettleAfterRecovery(nowNs);
        Finish(work, report);
        return report;
    }

    /// <summary>True once every position is protected by an acknowledged full-size stop (or flat) and every order cancelled here is gone.</summary>
    public bool IsComplete()
    {
        foreach (var o in _cancelled) if (!o.IsTerminal) return false;
        foreach (var ctx in _contexts)
        {
            var b = ctx.Brackets;
            if (b.Position is not { } p) continue;
            if (b.PendingExit is not null) return false;
            if (b.StopOrder is not { IsActive: true, AwaitingAck: false, PendingAmends: 0 } stop || (!stop.ClosesPosition && stop.OpenLots < p.QtyLots)) return false;
        }
        return true;
    }

    /// <summary>The exchange's and the journal's data per engine symbol (index = symbol id); what belongs to no engine symbol is reported.</summary>
    private RecoveryWork?[] Group(ReconciliationInput input, ReconciliationReport report)
    {
        var work = new RecoveryWork?[_contexts.Length];
        RecoveryWork For(int id) => work[id] ??= new RecoveryWork(_contexts[id]);

        foreach (var p in input.Positions)
        {
            if (p.QtyLots <= 0) continue;
            int id = _engine.SymbolId(p.Symbol);
            if (id < 0)
            {
                report.WarningsList.Add($"{p.Symbol}: {p.Side} position of {p.QtyLots} lots on a symbol this engine does not trade: left alone, unprotected by Smallfish");
                continue;
            }
            var w = For(id);
            if (w.Position is not null) report.WarningsList.Add($"{p.Symbol}: more than one position reported (hedge mode?): the first is taken over");
            else w.Position = p;
        }
        foreach (var o in input.OpenOrders)
        {
            if (o.Status.IsTerminal()) continue;
            int id = _engine.SymbolId(o.Symbol);
            bool ours = ClientOrderId.IsSmallfish(o.ClientOrderId);
            if (id < 0)
            {
                if (ours) report.WarningsList.Add($"{o.Symbol}: Smallfish order {o.ClientOrderId} on a symbol this engine does not trade: left alone");
                else report.ForeignList.Add(o);
                continue;
            }
            if (ours) For(id).Orders.Add(o);
            else For(id).Foreign.Add(o);
        }
        foreach (var k in input.Journal.Positions)
        {
            int id = _engine.SymbolId(k.Symbol);
            if (id >= 0) For(id).Known = k;
            else report.WarningsList.Add($"{k.Symbol}: the journal knew a {k.Side} position of {k.QtyLots} lots on a symbol this engine does not trade");
        }
        return work;
    }

    /// <summary>Orders with a client id Smallfish did not make: reported, and cancelled when the symbol's policy says so.</summary>
    private void CancelForeign(RecoveryWork?[] work, ReconciliationReport report)
    {
        foreach (var w in work)
        {
            if (w is null) continue;
            bool cancel = w.Ctx.Options.Risk.Recovery.ForeignOrders == Configuration.ForeignOrderPolicy.Cancel;
            foreach (var o in w.Foreign)
            {
                report.ForeignList.Add(o);
                if (!cancel) continue;
                _emitter.CancelUntracked(o.Symbol, o.ClientOrderId);
                report.CancelledList.Add(new CancelledOrder(o.Symbol, o.ClientOrderId, RecoveryCancelReason.Foreign));
            }
        }
    }

    /// <summary>The adopted positions as they stand after the settle (a kill switch flatten shows as closing at market).</summary>
    private static void Finish(RecoveryWork?[] work, ReconciliationReport report)
    {
        foreach (var w in work)
        {
            if (w?.Position is not { } ex) continue;
            var b = w.Ctx.Brackets;
            bool closing = b.PendingExit is not null || b.Position is null;
            report.AdoptedList.Add(new AdoptedPosition(ex.Symbol, ex.Side, ex.QtyLots, ex.AvgEntryTicks,
                b.Position?.StopTicks ?? w.StopTicks, w.StopSource, closing));
            if (closing) report.ClosedList.Add(ex.Symbol);
        }
    }
}
