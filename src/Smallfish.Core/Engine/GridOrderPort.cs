using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.State;
using Smallfish.Core.Time;

namespace Smallfish.Core.Engine;

/// <summary>
/// The grid's way to the venue: every command goes to the engine's order sink unchanged, every order placed is journaled
/// (<see cref="IJournal.RecordOrderSent"/>) and tracked in <see cref="RuntimeState.WorkingOrders"/> until the venue
/// reports it finished, exactly as the engine's own orders are.
/// </summary>
internal sealed class GridOrderPort(IOrderCommands orders, IJournal journal, RuntimeState state, TimeProvider clock) : IOrderCommands
{
    private readonly Dictionary<string, Order> _working = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Place(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long now = clock.GetUnixTimeNs();
        var order = new Order(request, now);
        _working[request.ClientOrderId] = order;
        state.AddOrder(order);
        journal.RecordOrderSent(request, now);
        orders.Place(request);
    }

    /// <inheritdoc />
    public void Cancel(string symbol, string clientOrderId) => orders.Cancel(symbol, clientOrderId);

    /// <inheritdoc />
    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) =>
        orders.Amend(symbol, clientOrderId, newPriceTicks, newQtyLots);

    /// <summary>Keeps the tracked copy of a grid order current; drops it once the venue reports it finished.</summary>
    public void OnOrderUpdate(in OrderUpdate update)
    {
        if (!_working.TryGetValue(update.ClientOrderId, out var order)) return;
        if (update.ExchangeOrderId is not null) order.ExchangeOrderId = update.ExchangeOrderId;
        if (update.Status is OrderStatus.PendingCancel) return;
        order.Status = update.Status;
        order.UpdatedNs = update.TsNs;
        if (!update.Status.IsTerminal()) return;
        _working.Remove(update.ClientOrderId);
        state.RemoveOrder(update.ClientOrderId);
    }

    /// <summary>Adds a fill to the tracked copy of its order.</summary>
    public void OnFill(in Fill fill)
    {
        if (_working.TryGetValue(fill.ClientOrderId, out var order)) order.ApplyFill(fill);
    }
}
