using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Recovery;

namespace Smallfish.Core.Engine;

/// <summary>Restart: taking over the exchange's orders and positions.</summary>
public sealed partial class TradingEngine
{
    private EngineRecovery? _recovery;
    private bool _reconciled;

    /// <summary>
    /// True while entries wait for the restart reconciliation (<see cref="Risk.GateReason.Reconciling"/>): from the
    /// start when built with <see cref="EngineSetup.AwaitReconciliation"/>, and from <see cref="Reconcile"/> until every
    /// position it took over has a stop the exchange confirmed for the full size (or is flat) and every order it
    /// cancelled is gone.
    /// </summary>
    public bool IsReconciling { get; private set; }

    /// <summary>
    /// Takes over what the exchange reports after a restart, before anything else happens. The exchange wins: its
    /// positions are adopted and protected within this call (a missing stop is placed at once, a crossed one closes the
    /// position at market), its open Smallfish orders are adopted (protective ones that fit a position) or cancelled
    /// (entries, and protective orders without a position), foreign orders are left alone or cancelled by
    /// <c>Risk:Recovery:ForeignOrders</c>, journal orders it no longer has are journaled as finished, and executions
    /// the journal missed are booked once (trades that closed meanwhile included). The saved day's counters, kill
    /// switch and equity peak are restored. Call once, on the engine's loop thread, before the first order.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="Run"/> is not above every run in <paramref name="input"/> (a client order id could repeat), the engine
    /// already traded, or it was called before.
    /// </exception>
    public ReconciliationReport Reconcile(ReconciliationInput input, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_reconciled) throw new InvalidOperationException("Reconcile runs once per engine");
        long maxRun = input.MaxRunSeen();
        if (Run <= maxRun)
        {
            throw new InvalidOperationException($"run {Run} is not above run {maxRun} seen in the journal or on the exchange: client order ids could repeat (use ReconciliationInput.NextRun())");
        }
        if (_emitter.Sent > 0 || _emitter.LiveCount > 0 || State.Positions.Count > 0)
        {
            throw new InvalidOperationException("Reconcile must run before the engine sends its first order");
        }
        _reconciled = true;
        IsReconciling = true;
        State.OnTime(nowNs);
        var recovery = new EngineRecovery(this, _contexts, _emitter, _journal, _features);
        var report = recovery.Run(input, nowNs);
        _recovery = recovery;
        CheckReconciled();
        return report;
    }

    /// <summary>Continues decision sequences above <paramref name="sequence"/> (restart).</summary>
    internal void ResumeSequence(long sequence)
    {
        if (sequence > DecisionSequence) DecisionSequence = sequence;
    }

    /// <summary>Hands out a fresh decision sequence (a position taken over without a known one).</summary>
    internal long NextSequence() => ++DecisionSequence;

    /// <summary>Marks an execution as booked so a repeat is ignored.</summary>
    internal void MarkExecution(string execId) => RememberExecId(execId);

    /// <summary>Books a round trip that closed while the engine was down: state, journal, equity point.</summary>
    internal void BookRecoveredTrade(TradeResult result, long nowNs)
    {
        State.OnExit(result);
        _journal.RecordTrade(result);
        var equity = State.Equity;
        _journal.RecordEquity(new EquitySnapshot(nowNs, equity.Equity, equity.PeakEquity, equity.DrawdownPct, State.Positions.Count));
    }

    /// <summary>
    /// After the takeover: the day's limits against what was booked, then each position's invariants (kill switch
    /// flatten, protection), as after any execution.
    /// </summary>
    internal void SettleAfterRecovery(long nowNs)
    {
        if (_kill.CheckLimits(State, nowNs)) OnKillTripped(nowNs);
        foreach (var ctx in _contexts) AfterExecution(ctx, nowNs);
    }

    private void CheckReconciled()
    {
        if (_recovery is null || !_recovery.IsComplete()) return;
        IsReconciling = false;
        _recovery = null;
    }
}
