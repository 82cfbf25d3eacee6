using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Persistence.Journal;

namespace Smallfish.Persistence.Reading;

public sealed partial class JournalReader
{
    /// <summary>
    /// Checks the journal's order history: every fill and update belongs to a sent order, every order's status sequence
    /// is legal (<see cref="OrderStatusTransitions"/>), cumulative filled quantity never decreases, and fills never add up
    /// to more than the order's quantity.
    /// </summary>
    public JournalConsistencyReport CheckConsistency()
    {
        var issues = new List<JournalIssue>();
        var orders = new Dictionary<string, JournalOrder>(StringComparer.Ordinal);
        foreach (var o in ReadOrders()) orders[o.Request.ClientOrderId] = o;

        var status = new Dictionary<string, (OrderStatus Status, long Filled)>(StringComparer.Ordinal);
        foreach (var u in ReadOrderUpdates())
        {
            if (!orders.ContainsKey(u.ClientOrderId))
            {
                if (!status.ContainsKey(u.ClientOrderId))
                {
                    issues.Add(new JournalIssue(JournalIssueKind.UpdateWithoutOrder, u.ClientOrderId, $"status {u.Status} for an order never sent"));
                }
                status[u.ClientOrderId] = (u.Status, u.FilledLots);
                continue;
            }
            var (prev, filled) = status.TryGetValue(u.ClientOrderId, out var s) ? s : (OrderStatus.PendingNew, 0L);
            if (!OrderStatusTransitions.IsLegal(prev, u.Status))
            {
                issues.Add(new JournalIssue(JournalIssueKind.IllegalTransition, u.ClientOrderId, $"{prev} -> {u.Status}"));
            }
            if (u.FilledLots < filled)
            {
                issues.Add(new JournalIssue(JournalIssueKind.FilledQtyDecreased, u.ClientOrderId,
                    string.Create(CultureInfo.InvariantCulture, $"filled lots {filled} -> {u.FilledLots}")));
            }
            status[u.ClientOrderId] = (u.Status, Math.Max(filled, u.FilledLots));
        }

        var fills = ReadAllFills();
        var filledByOrder = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in fills)
        {
            if (!orders.ContainsKey(f.ClientOrderId))
            {
                issues.Add(new JournalIssue(JournalIssueKind.FillWithoutOrder, f.ClientOrderId, $"fill {f.ExecId} for an order never sent"));
                continue;
            }
            filledByOrder[f.ClientOrderId] = filledByOrder.GetValueOrDefault(f.ClientOrderId) + f.QtyLots;
        }
        foreach (var (id, lots) in filledByOrder)
        {
            long qty = orders[id].Request.QtyLots;
            if (lots > qty)
            {
                issues.Add(new JournalIssue(JournalIssueKind.Overfilled, id, string.Create(CultureInfo.InvariantCulture, $"fills total {lots} lots, order is {qty}")));
            }
        }
        return new JournalConsistencyReport(orders.Count, fills.Count, issues);
    }
}
