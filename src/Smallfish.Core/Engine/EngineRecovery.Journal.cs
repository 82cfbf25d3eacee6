using Smallfish.Core.Domain;
using Smallfish.Core.Recovery;

namespace Smallfish.Core.Engine;

/// <summary>Rule (c): what happened while the engine was down, booked once.</summary>
internal sealed partial class EngineRecovery
{
    private const string ResolvedMessage = "resolved at restart: not open on the exchange";

    private readonly Dictionary<string, long> _missedLots = new(StringComparer.Ordinal);

    /// <summary>
    /// Executions of Smallfish's orders the journal has not booked (by execution id) are journaled and replayed on the
    /// journal's position of their symbol, in time order: a round trip they close is booked (equity, the day's
    /// counters, the journal). Foreign executions are not the engine's to book.
    /// </summary>
    private void BookMissedFills(ReconciliationInput input, RecoveryWork?[] work, ReconciliationReport report, long nowNs)
    {
        var journalIds = input.Journal.ExecIds;
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in input.Journal.OpenOrders) known.Add(o.ClientOrderId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missed = new List<Fill>?[_contexts.Length];
        int foreign = 0;
        foreach (var f in input.Executions)
        {
            if (journalIds.Contains(f.ExecId) || !seen.Add(f.ExecId)) continue;
            if (!ClientOrderId.IsSmallfish(f.ClientOrderId) && !known.Contains(f.ClientOrderId))
            {
                foreign++;
                continue;
            }
            int id = _engine.SymbolId(f.Symbol);
            if (id < 0)
            {
                report.WarningsList.Add($"{f.Symbol}: execution {f.ExecId} of {f.ClientOrderId} on a symbol this engine does not trade: not booked");
                continue;
            }
            (missed[id] ??= new List<Fill>()).Add(f);
        }
        if (foreign > 0) report.WarningsList.Add($"{foreign} execution(s) of orders Smallfish did not send: not booked");

        for (int id = 0; id < _contexts.Length; id++)
        {
            var fills = missed[id];
            var w = work[id];
            if (fills is null && w?.Known is null) continue;
            w ??= work[id] = new RecoveryWork(_contexts[id]);
            var replay = new PositionReplay(w.Ctx.Spec, w.Known);
            if (fills is not null)
            {
                foreach (var f in fills.OrderBy(f => f.TsNs)) // stable: the exchange's order within a timestamp
                {
                    _journal.RecordFill(f);
                    report.FillsList.Add(f);
                    _missedLots[f.ClientOrderId] = _missedLots.GetValueOrDefault(f.ClientOrderId) + f.QtyLots;
                    if (replay.Apply(f) is { } trade)
                    {
                        _engine.BookRecoveredTrade(trade, nowNs);
                        report.TradesList.Add(trade);
                    }
                }
            }
            w.Replay = replay;
        }
    }

    /// <summary>
    /// Journal orders the exchange no longer has open are finished: journaled as Filled when their known fills cover
    /// them, else Cancelled, so the next restart does not look for them again.
    /// </summary>
    private void ResolveJournalOrders(ReconciliationInput input, ReconciliationReport report, long nowNs)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in input.OpenOrders) if (!o.Status.IsTerminal()) open.Add(o.ClientOrderId);
        foreach (var k in input.Journal.OpenOrders)
        {
            if (open.Contains(k.ClientOrderId)) continue;
            var r = k.Request;
            long filled = Math.Min(r.QtyLots, k.FilledLots + _missedLots.GetValueOrDefault(k.ClientOrderId));
            var status = filled >= r.QtyLots ? OrderStatus.Filled : OrderStatus.Cancelled;
            _journal.RecordOrderUpdate(new OrderUpdate(k.ClientOrderId, k.ExchangeOrderId, r.Symbol, status, filled, 0m,
                RejectReason.OrderNotFound, ResolvedMessage, nowNs));
            report.ResolvedList.Add(new ResolvedOrder(r.Symbol, k.ClientOrderId, status, filled));
        }
    }
}
