using Smallfish.Core.Domain;

namespace Smallfish.Persistence.Journal;

/// <summary>
/// Which order status may follow which, as the consistency check enforces it. A repeated status is always legal (venues
/// resend; partial fills repeat <see cref="OrderStatus.PartiallyFilled"/>). Nothing leaves a terminal status, nothing
/// returns to <see cref="OrderStatus.PendingNew"/>, and a partly filled order cannot become plain
/// <see cref="OrderStatus.New"/> again. A pending cancel may be answered by a fill or by a refused cancel (back to
/// New or PartiallyFilled).
/// </summary>
public static class OrderStatusTransitions
{
    /// <summary>True when <paramref name="to"/> may follow <paramref name="from"/>.</summary>
    public static bool IsLegal(OrderStatus from, OrderStatus to)
    {
        if (from == to) return true;
        if (from.IsTerminal()) return false;
        if (to.IsTerminal()) return true;
        return (from, to) switch
        {
            (_, OrderStatus.PendingNew) => false,
            (OrderStatus.PendingNew, _) => true,
            (OrderStatus.New, OrderStatus.PartiallyFilled or OrderStatus.PendingCancel) => true,
            (OrderStatus.PartiallyFilled, OrderStatus.PendingCancel) => true,
            (OrderStatus.PendingCancel, OrderStatus.New or OrderStatus.PartiallyFilled) => true,
            _ => false,
        };
    }
}
