using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.State;

namespace Smallfish.Core.Execution;

/// <summary>
/// The engine's one way out to the venue: sends place, amend and cancel commands through <see cref="IOrderCommands"/>,
/// journals every order sent, and tracks every order from the moment it is sent until the venue reports it terminal
/// (working orders also live in <see cref="RuntimeState.WorkingOrders"/>). Classifies the venue's order updates
/// (<see cref="OrderEvent"/>) and applies fills, measuring slippage against each order's intended price. Recently
/// finished orders are kept for a while so a fill reported after its order's terminal update (the two arrive on
/// separate streams on a live exchange) still finds its order. A client order id is never sent twice.
/// </summary>
/// <remarks>
/// Assumes <see cref="IOrderCommands"/> handles commands in the order they were given (one connection or one ordered
/// queue, as the simulated venue does): an amend or cancel sent right after a placement is handled after it.
/// </remarks>
public sealed class OrderEmitter
{
    /// <summary>Finished orders remembered for late fills.</summary>
    public const int RecentCapacity = 1024;

    private readonly IOrderCommands _commands;
    private readonly IJournal _journal;
    private readonly RuntimeState _state;
    private readonly Dictionary<string, ManagedOrder> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManagedOrder> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<ManagedOrder> _scratch = new();

    /// <summary>Creates the emitter.</summary>
    public OrderEmitter(IOrderCommands commands, IJournal journal, RuntimeState state)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(state);
        _commands = commands;
        _journal = journal;
        _state = state;
    }

    /// <summary>Orders sent and not yet terminal.</summary>
    public int LiveCount => _live.Count;

    /// <summary>Orders sent since start.</summary>
    public long Sent { get; private set; }

    /// <summary>Orders the venue rejected since start.</summary>
    public long Rejected { get; private set; }

    /// <summary>Orders sent and not yet terminal.</summary>
    public IReadOnlyCollection<ManagedOrder> Live => _live.Values;

    /// <summary>Sends a new order and starts tracking it. Throws when its client order id was used before.</summary>
    public ManagedOrder Place(OrderRequest request, int symbolId, long sequence, long intendedPriceTicks, long nowNs, long stopDistanceTicks = 0)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_used.Add(request.ClientOrderId))
        {
            throw new InvalidOperationException($"client order id {request.ClientOrderId} was already used");
        }
        var order = new Order(request, nowNs);
        var managed = new ManagedOrder(order, symbolId, intendedPriceTicks) { Sequence = sequence, StopDistanceTicks = stopDistanceTicks };
        _live.Add(request.ClientOrderId, managed);
        _state.AddOrder(order);
        Sent++;
        _journal.RecordOrderSent(request, nowNs);
        _commands.Place(request);
        return managed;
    }

    /// <summary>Asks the venue to cancel <paramref name="order"/> (no-op when it is terminal or a cancel is already out).</summary>
    public void Cancel(ManagedOrder order, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsTerminal || order.CancelRequested) return;
        order.CancelRequested = true;
        order.LastSentNs = nowNs;
        _commands.Cancel(order.Request.Symbol, order.ClientOrderId);
    }

    /// <summary>
    /// Amends a working order: <paramref name="priceTicks"/> is the limit price for a limit order and the trigger for a
    /// conditional one (0 = unchanged); <paramref name="qtyLots"/> is the new total quantity (0 = unchanged; ignored for a
    /// close-position order, which the venue sizes itself). Returns
    /// false (and sends nothing) when the order is terminal, being cancelled, or nothing would change.
    /// </summary>
    public bool Amend(ManagedOrder order, long priceTicks, long qtyLots, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsActive) return false;
        bool conditional = order.Request.Type.IsConditional();
        long currentPrice = conditional ? order.TriggerTicks : order.PriceTicks;
        long newPrice = priceTicks > 0 && priceTicks != currentPrice ? priceTicks : 0;
        long newQty = qtyLots > 0 && qtyLots != order.QtyLots && !order.ClosesPosition ? qtyLots : 0;
        if (newPrice == 0 && newQty == 0) return false;
        if (newPrice > 0)
        {
            if (conditional) order.TriggerTicks = newPrice;
            else order.PriceTicks = newPrice;
        }
        if (newQty > 0) order.QtyLots = newQty;
        order.PendingAmends++;
        order.LastSentNs = nowNs;
        _commands.Amend(order.Request.Symbol, order.ClientOrderId, newPrice, newQty);
        return true;
    }

    /// <summary>
    /// Books that a close-position order (<see cref="ManagedOrder.ClosesPosition"/>) now covers a position of
    /// <paramref name="positionLots"/>: its tracked size becomes its fills plus the position. Nothing is sent; the venue
    /// sizes the order itself when it triggers. Returns false (and changes nothing) for any other order or an inactive one.
    /// </summary>
    public static bool Follow(ManagedOrder order, long positionLots)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.ClosesPosition || !order.IsActive || positionLots <= 0) return false;
        order.QtyLots = order.Order.FilledLots + positionLots;
        return true;
    }

    /// <summary>
    /// Sends the last amend of <paramref name="order"/> again, with its current terms (an amend carries absolute terms,
    /// so a repeat cannot change more than the first would have). For an amend the venue has not answered: an answer
    /// that never comes must not leave the venue's order on its old terms while the engine believes the new ones.
    /// Returns false (and sends nothing) when the order is not active or has no amend outstanding.
    /// </summary>
    public bool RepeatAmend(ManagedOrder order, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsActive || order.PendingAmends == 0) return false;
        bool conditional = order.Request.Type.IsConditional();
        order.LastSentNs = nowNs;
        // A close-position order has no size at the venue: only its trigger is ever amended.
        _commands.Amend(order.Request.Symbol, order.ClientOrderId, conditional ? order.TriggerTicks : order.PriceTicks, order.ClosesPosition ? 0 : order.QtyLots);
        return true;
    }

    /// <summary>
    /// Starts tracking an order an earlier run sent and the exchange still has open (restart reconciliation): nothing
    /// is sent. Its later reports and fills are then attributed like any other order's, and its id counts as used.
    /// <paramref name="request"/> carries the exchange's current terms (quantity and prices after amends). Journals the
    /// order as sent when <paramref name="journalKnowsIt"/> is false, so its later updates have an order to belong to.
    /// </summary>
    internal ManagedOrder Adopt(OrderRequest request, OrderStatus status, long filledLots, string? exchangeOrderId, int symbolId,
        long sequence, long intendedPriceTicks, long stopDistanceTicks, long sentNs, bool journalKnowsIt, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_used.Add(request.ClientOrderId))
        {
            throw new InvalidOperationException($"client order id {request.ClientOrderId} is already tracked");
        }
        var order = new Order(request, sentNs)
        {
            Status = status,
            FilledLots = filledLots,
            ExchangeOrderId = exchangeOrderId,
            UpdatedNs = nowNs,
        };
        var managed = new ManagedOrder(order, symbolId, intendedPriceTicks)
        {
            Sequence = sequence,
            StopDistanceTicks = stopDistanceTicks,
            AwaitingAck = false,
            ReportedFilledLots = filledLots,
            LastSentNs = nowNs,
        };
        _live.Add(request.ClientOrderId, managed);
        _state.AddOrder(order);
        if (!journalKnowsIt) _journal.RecordOrderSent(request, nowNs);
        return managed;
    }

    /// <summary>
    /// Asks the venue to cancel an order this engine does not track (a foreign order, by policy). Its reports stay
    /// unknown to the engine.
    /// </summary>
    internal void CancelUntracked(string symbol, string clientOrderId) => _commands.Cancel(symbol, clientOrderId);

    /// <summary>Finds a tracked order (working or recently finished).</summary>
    public bool TryGet(string clientOrderId, out ManagedOrder order)
    {
        if (_live.TryGetValue(clientOrderId, out order!)) return true;
        return _recent.TryGetValue(clientOrderId, out order!);
    }

    /// <summary>True when <paramref name="clientOrderId"/> was sent by this emitter.</summary>
    public bool WasSent(string clientOrderId) => _used.Contains(clientOrderId);

    /// <summary>Applies a venue order update and says what it meant.</summary>
    public OrderEvent ApplyUpdate(in OrderUpdate update, out ManagedOrder? order)
    {
        if (!TryGet(update.ClientOrderId, out var found))
        {
            order = null;
            return OrderEvent.Unknown;
        }
        order = found;
        var o = found.Order;
        if (update.ExchangeOrderId is not null) o.ExchangeOrderId = update.ExchangeOrderId;
        if (o.IsTerminal) return OrderEvent.Repeated;

        bool grew = update.FilledLots > found.ReportedFilledLots;
        if (grew) found.ReportedFilledLots = update.FilledLots;

        if (update.Status.IsTerminal())
        {
            o.Status = update.Status;
            o.UpdatedNs = update.TsNs;
            o.Reason = update.Message;
            found.AwaitingAck = false;
            found.PendingAmends = 0;
            if (update.Status == OrderStatus.Rejected) Rejected++;
            Retire(found);
            return OrderEvent.Terminal;
        }

        o.UpdatedNs = update.TsNs;
        if (update.Reject != RejectReason.None)
        {
            if (found.AwaitingAck) found.AwaitingAck = false; // answered, unchanged (never happens for a placement)
            if (found.PendingAmends > 0)
            {
                found.PendingAmends--;
                return OrderEvent.AmendRejected;
            }
            if (found.CancelRequested)
            {
                found.CancelRequested = false;
                return OrderEvent.CancelRejected;
            }
            return OrderEvent.Repeated;
        }

        o.Status = update.Status;
        if (found.AwaitingAck)
        {
            found.AwaitingAck = false;
            return OrderEvent.Acknowledged;
        }
        if (grew) return OrderEvent.FillProgress;
        if (found.PendingAmends > 0)
        {
            found.PendingAmends--;
            return OrderEvent.AmendAccepted;
        }
        return OrderEvent.Repeated;
    }

    /// <summary>
    /// Applies a fill to its order. Returns the order (null when unknown); <paramref name="slippageTicks"/> is this
    /// fill's adverse distance from the intended price (0 when at or better) and <paramref name="addedSlippageTicks"/>
    /// how much it raised the order's worst slippage (an order's slippage counts once, at its worst fill).
    /// </summary>
    public ManagedOrder? ApplyFill(in Fill fill, out long slippageTicks, out long addedSlippageTicks)
    {
        slippageTicks = addedSlippageTicks = 0;
        if (!TryGet(fill.ClientOrderId, out var order)) return null;
        var o = order.Order;
        var status = o.Status;
        o.ApplyFill(fill);
        // Only the venue's order updates end an order (its size may have been amended since the request); a late
        // fill does not reopen a finished one.
        o.Status = status.IsTerminal() ? status : OrderStatus.PartiallyFilled;
        if (order.IntendedPriceTicks > 0)
        {
            slippageTicks = Math.Max(0, (fill.PriceTicks - order.IntendedPriceTicks) * fill.Side.Sign());
            if (slippageTicks > order.MaxSlippageTicks)
            {
                addedSlippageTicks = slippageTicks - order.MaxSlippageTicks;
                order.MaxSlippageTicks = slippageTicks;
            }
        }
        return order;
    }

    /// <summary>
    /// Re-sends a cancel for orders the venue has not answered for <paramref name="timeoutNs"/> (placement or cancel
    /// unanswered): the venue's answer to a cancel resolves the order's state either way (cancelled, or its final
    /// state, or rejected as never seen). Returns the number of cancels sent.
    /// </summary>
    public int CancelUnanswered(long nowNs, long timeoutNs)
    {
        if (_live.Count == 0) return 0;
        _scratch.Clear();
        foreach (var o in _live.Values)
        {
            if ((o.AwaitingAck || o.CancelRequested) && nowNs - o.LastSentNs >= timeoutNs) _scratch.Add(o);
        }
        foreach (var o in _scratch)
        {
            o.CancelRequested = true;
            o.LastSentNs = nowNs;
            _commands.Cancel(o.Request.Symbol, o.ClientOrderId);
        }
        int n = _scratch.Count;
        _scratch.Clear();
        return n;
    }

    private void Retire(ManagedOrder order)
    {
        _live.Remove(order.ClientOrderId);
        _state.RemoveOrder(order.ClientOrderId);
        if (_recent.TryAdd(order.ClientOrderId, order)) _recentOrder.Enqueue(order.ClientOrderId);
        while (_recentOrder.Count > RecentCapacity) _recent.Remove(_recentOrder.Dequeue());
    }
}
