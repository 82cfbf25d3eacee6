using Smallfish.Core.Brackets;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.State;

namespace Smallfish.Core.Engine;

/// <summary>Venue reports: order updates, fills, funding.</summary>
public sealed partial class TradingEngine
{
    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update)
    {
        long now = NowNs();
        State.CountEvent();
        _journal.RecordOrderUpdate(update);
        if (TryGridUpdate(update, now)) return;
        var ev = _emitter.ApplyUpdate(update, out var order);
        if (order is null)
        {
            UnknownReports++;
            return;
        }
        var ctx = _contexts[order.SymbolId];
        if (order.Role == OrderRole.Entry) ctx.Router.OnOrderEvent(order, ev, update, now);
        else ctx.Brackets.OnOrderEvent(order, ev, update, now);
        AfterExecution(ctx, now);
        if (IsReconciling) CheckReconciled();
    }

    /// <inheritdoc />
    public void OnFill(in Fill fill)
    {
        long now = NowNs();
        State.CountEvent();
        if (!RememberExecId(fill.ExecId)) return; // a repeated report of a fill already booked
        _journal.RecordFill(fill);
        if (TryGridFill(fill, now)) return;
        var order = _emitter.ApplyFill(fill, out long slippage, out long addedSlippage);
        if (order is null)
        {
            UnknownReports++;
            // Before Reconcile has adopted the previous run's orders, their fills are not unknown: Reconcile books them
            // from the exchange's executions and takes the exchange's position over.
            if (IsReconciling && !_reconciled) return;
            // The exchange position moved in a way the engine cannot attribute: stop and let a human look.
            if (_kill.Trip(State, KillSwitchReason.Reconciliation, now, "fill for an unknown order " + fill.ClientOrderId)) OnKillTripped(now);
            return;
        }

        var ctx = _contexts[order.SymbolId];
        if (order.Role == OrderRole.Entry)
        {
            ctx.Router.OnFill(order, fill);
            if (ctx.Brackets.OnEntryFill(order, fill, addedSlippage, now)) State.OnEnter(ctx.Brackets.Position!, now);
        }
        else
        {
            var result = ctx.Brackets.OnExitFill(order, fill, addedSlippage, now);
            if (result is not null) CompleteTrade(ctx, result, now);
        }

        if (!order.SlippageBreached && slippage >= ctx.SlippageBreachTicks)
        {
            order.SlippageBreached = true;
            if (_kill.OnSlippage(State, slippage, ctx.SlippageBreachTicks, now)) OnKillTripped(now);
        }
        AfterExecution(ctx, now);
    }

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment)
    {
        State.CountEvent();
        if (_bySymbol.TryGetValue(payment.Symbol, out int id)) _contexts[id].Brackets.OnFunding(payment.Amount);
    }

    private void CompleteTrade(SymbolContext ctx, TradeResult result, long nowNs)
    {
        State.OnExit(result);
        _journal.RecordTrade(result);
        var equity = State.Equity;
        _journal.RecordEquity(new EquitySnapshot(nowNs, equity.Equity, equity.PeakEquity, equity.DrawdownPct, State.Positions.Count));
        ctx.Router.Abort(nowNs); // the position closed while its entry was still working: stop adding to it
        if (_kill.CheckLimits(State, nowNs)) OnKillTripped(nowNs);
    }

    private bool RememberExecId(string execId)
    {
        if (!_execIds.Add(execId)) return false;
        _execIdOrder.Enqueue(execId);
        while (_execIdOrder.Count > ExecIdMemory) _execIds.Remove(_execIdOrder.Dequeue());
        return true;
    }
}
