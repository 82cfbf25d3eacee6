using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Execution;

/// <summary>
/// The smart entry of one symbol, as a state machine (<see cref="EntryRouterState"/>): a post-only limit at the touch
/// (or inside it by <see cref="RoutingOptions.EntryOffsetTicks"/> when the spread allows); when it has not filled after
/// <see cref="RoutingOptions.PostOnlyRepriceAfterMs"/> or the touch moved away by
/// <see cref="RoutingOptions.RepriceOnTouchMoveTicks"/>, it is repriced, up to <see cref="RoutingOptions.MaxReprices"/>
/// times; then, if the fused confidence is still at or above the entry bar, an IOC limit within
/// <see cref="RoutingOptions.IocMaxSlippageTicks"/> through the far touch takes what is left; otherwise the entry ends
/// with what filled. A confidence below <see cref="RoutingOptions.CancelWhenConfidenceBelow"/> (or a reversed
/// direction) cancels the entry at any point.
/// </summary>
/// <remarks>
/// <para>A reprice is cancel-then-replace, never an amend: the next order (attempt + 1 in its client order id) is sent
/// only once the venue has reported the previous one terminal, for the quantity still missing. So a fill of the old
/// order that races the cancel is counted before the new size is fixed, and the entry can never overshoot its target.
/// A post-only refused because it would take liquidity counts as a reprice. A cancel answered "order not found"
/// carries the order's final state, which is what ends it.</para>
/// <para>An exchange reject ends the entry and starts a back-off (<see cref="RoutingOptions.RejectBackoffMs"/>) during
/// which the symbol takes no new entry. Every order the router sends stays tracked by the <see cref="OrderEmitter"/>
/// until it is terminal; the router is <see cref="EntryRouterState.Idle"/> only when none of its orders is working.</para>
/// <para>Fills are bracketed by the engine as they come (the router only counts them); a late fill after the entry
/// ended still grows the position, and the bracket follows.</para>
/// </remarks>
public sealed class EntryRouter
{
    private const long Ms = 1_000_000;

    private readonly int _symbolId;
    private readonly InstrumentSpec _spec;
    private readonly OrderBook _book;
    private readonly OrderEmitter _emitter;
    private readonly long _run;
    private readonly long _repriceAfterNs;
    private readonly int _maxReprices;
    private readonly bool _iocEnabled;
    private readonly long _iocSlippageTicks;
    private readonly double _cancelBelow;
    private readonly double _enterConfidence;
    private readonly long _offsetTicks;
    private readonly long _touchMoveTicks;
    private readonly long _backoffNs;
    private readonly List<ManagedOrder> _orders = new();

    /// <summary>Creates the router of one symbol over its (engine-side) book.</summary>
    public EntryRouter(int symbolId, OrderBook book, RoutingOptions routing, double enterConfidence, OrderEmitter emitter, long run)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(emitter);
        _symbolId = symbolId;
        _book = book;
        _spec = book.Spec;
        _emitter = emitter;
        _run = run;
        _repriceAfterNs = routing.PostOnlyRepriceAfterMs * Ms;
        _maxReprices = routing.MaxReprices;
        _iocEnabled = routing.IocFallbackEnabled;
        _iocSlippageTicks = routing.IocMaxSlippageTicks;
        _cancelBelow = routing.CancelWhenConfidenceBelow;
        _enterConfidence = enterConfidence;
        _offsetTicks = routing.EntryOffsetTicks;
        _touchMoveTicks = routing.RepriceOnTouchMoveTicks;
        _backoffNs = routing.RejectBackoffMs * Ms;
    }

    /// <summary>Current state.</summary>
    public EntryRouterState State { get; private set; }

    /// <summary>True while an entry is in progress.</summary>
    public bool IsActive => State != EntryRouterState.Idle;

    /// <summary>Decision sequence of the current (or last) entry.</summary>
    public long Sequence { get; private set; }

    /// <summary>Side of the current (or last) entry.</summary>
    public Side Side { get; private set; }

    /// <summary>Size the entry aims for, lots.</summary>
    public long TargetLots { get; private set; }

    /// <summary>Lots filled so far by this entry's orders.</summary>
    public long FilledLots { get; private set; }

    /// <summary>Reprices done (post-only rejects included).</summary>
    public int Reprices { get; private set; }

    /// <summary>Attempt number of the current order (part of its client order id).</summary>
    public int Attempt { get; private set; }

    /// <summary>Stop distance (1R, ticks) the entry's fills are bracketed with.</summary>
    public long StopDistanceTicks { get; private set; }

    /// <summary>No new entry before this time, ns (after an exchange reject).</summary>
    public long BackoffUntilNs { get; private set; }

    /// <summary>Latest fused confidence seen.</summary>
    public double Confidence { get; private set; }

    /// <summary>The order currently working (or the last one).</summary>
    public ManagedOrder? Current { get; private set; }

    /// <summary>Every order of the current (or last) entry, oldest first.</summary>
    public IReadOnlyList<ManagedOrder> Orders => _orders;

    /// <summary>Entries started since creation.</summary>
    public long Started { get; private set; }

    /// <summary>True while the symbol must not start an entry: one is in progress or the back-off runs.</summary>
    public bool IsBlocking(long nowNs) => IsActive || nowNs < BackoffUntilNs;

    /// <summary>
    /// Starts an entry of <paramref name="lots"/> on <paramref name="side"/> for decision <paramref name="sequence"/>.
    /// Returns false (and stays idle) when an entry is already in progress or the book gives no price.
    /// </summary>
    public bool Start(long sequence, Side side, long lots, long stopDistanceTicks, double confidence, long nowNs)
    {
        if (IsActive || lots <= 0) return false;
        Sequence = sequence;
        Side = side;
        TargetLots = lots;
        FilledLots = 0;
        Reprices = 0;
        Attempt = 0;
        StopDistanceTicks = stopDistanceTicks;
        Confidence = confidence;
        Current = null;
        _orders.Clear();
        Started++;
        PlacePostOnly(nowNs);
        return IsActive;
    }

    /// <summary>
    /// The latest fused view of the symbol: a confidence below the cancel level, or a reversed direction, cancels the
    /// entry.
    /// </summary>
    public void OnSignal(double confidence, int direction, long nowNs)
    {
        Confidence = confidence;
        if (State is not (EntryRouterState.Working or EntryRouterState.Repricing or EntryRouterState.FallingBack)) return;
        if (confidence < _cancelBelow || direction == -Side.Sign()) Abandon(nowNs);
    }

    /// <summary>The symbol's book changed: reprices when the touch moved away from the resting order.</summary>
    public void OnBook(long nowNs)
    {
        if (State != EntryRouterState.Working || _touchMoveTicks <= 0) return;
        var current = Current;
        if (current is null || current.AwaitingAck || !current.IsActive) return;
        long touch = EntryPricing.NearTouch(_book, Side);
        if (touch <= 0) return;
        if ((touch - current.PriceTicks) * Side.Sign() >= _touchMoveTicks) Missed(nowNs);
    }

    /// <summary>Time passed: reprices a resting order that waited too long; re-sends a cancel the venue refused.</summary>
    public void OnTimer(long nowNs)
    {
        var current = Current;
        if (current is null || current.IsTerminal) return;
        switch (State)
        {
            case EntryRouterState.Working:
                if (!current.AwaitingAck && current.IsActive && nowNs - current.Order.CreatedNs >= _repriceAfterNs) Missed(nowNs);
                break;
            case EntryRouterState.Repricing or EntryRouterState.FallingBack or EntryRouterState.Cancelling:
                if (!current.CancelRequested) _emitter.Cancel(current, nowNs);
                break;
        }
    }

    /// <summary>Ends the entry: cancels the working order (kill switch, shutdown, the position closed meanwhile).</summary>
    public void Abort(long nowNs)
    {
        if (State == EntryRouterState.Idle) return;
        Abandon(nowNs);
    }

    /// <summary>True when <paramref name="order"/> belongs to the current (or last) entry.</summary>
    public bool Owns(ManagedOrder order)
    {
        foreach (var o in _orders) if (ReferenceEquals(o, order)) return true;
        return false;
    }

    /// <summary>Counts a fill of one of this entry's orders.</summary>
    public void OnFill(ManagedOrder order, in Fill fill)
    {
        if (Owns(order)) FilledLots += fill.QtyLots;
    }

    /// <summary>Advances the state machine on a classified update of one of its orders.</summary>
    public void OnOrderEvent(ManagedOrder order, OrderEvent ev, in OrderUpdate update, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!ReferenceEquals(order, Current) || ev != OrderEvent.Terminal) return;
        var status = order.Order.Status;
        switch (State)
        {
            case EntryRouterState.Working:
                if (status == OrderStatus.Expired && update.Reject == RejectReason.PostOnlyWouldTake) RejectedAsTaker(nowNs);
                else if (status == OrderStatus.Rejected) BackOff(nowNs);
                else Finish();
                break;
            case EntryRouterState.Repricing:
                if (status == OrderStatus.Rejected && update.Reject != RejectReason.OrderNotFound) BackOff(nowNs);
                else
                {
                    Reprices++;
                    Attempt++;
                    PlacePostOnly(nowNs);
                }
                break;
            case EntryRouterState.FallingBack:
                Attempt++;
                PlaceIoc(nowNs);
                break;
            default:
                Finish();
                break;
        }
    }

    private void Missed(long nowNs)
    {
        if (Reprices < _maxReprices) State = EntryRouterState.Repricing;
        else if (_iocEnabled && Confidence >= _enterConfidence) State = EntryRouterState.FallingBack;
        else State = EntryRouterState.Cancelling;
        _emitter.Cancel(Current!, nowNs);
    }

    private void RejectedAsTaker(long nowNs)
    {
        Attempt++;
        if (Reprices < _maxReprices)
        {
            Reprices++;
            PlacePostOnly(nowNs);
        }
        else if (_iocEnabled && Confidence >= _enterConfidence)
        {
            PlaceIoc(nowNs);
        }
        else
        {
            Finish();
        }
    }

    private void Abandon(long nowNs)
    {
        var current = Current;
        if (current is null || current.IsTerminal)
        {
            Finish();
            return;
        }
        State = EntryRouterState.Cancelling;
        if (current.Request.TimeInForce != TimeInForce.ImmediateOrCancel) _emitter.Cancel(current, nowNs);
    }

    private void BackOff(long nowNs)
    {
        BackoffUntilNs = nowNs + _backoffNs;
        Finish();
    }

    private void Finish() => State = EntryRouterState.Idle;

    private long Remaining => TargetLots - FilledLots;

    private void PlacePostOnly(long nowNs)
    {
        long price = EntryPricing.PostOnlyPrice(_book, Side, _offsetTicks);
        if (price <= 0 || Remaining < _spec.MinimumLotsAt(price))
        {
            Finish();
            return;
        }
        Send(OrderType.Limit, TimeInForce.PostOnly, price, price, nowNs);
        State = EntryRouterState.Working;
    }

    private void PlaceIoc(long nowNs)
    {
        long limit = EntryPricing.IocLimit(_book, Side, _iocSlippageTicks);
        long far = EntryPricing.FarTouch(_book, Side);
        if (limit <= 0 || Remaining < _spec.MinimumLotsAt(limit))
        {
            Finish();
            return;
        }
        Send(OrderType.Limit, TimeInForce.ImmediateOrCancel, limit, far, nowNs);
        State = EntryRouterState.Ioc;
    }

    private void Send(OrderType type, TimeInForce tif, long price, long intended, long nowNs)
    {
        string id = ClientOrderId.Create(_run, _symbolId, Sequence, OrderRole.Entry, Attempt);
        var request = new OrderRequest(id, _spec.Symbol, Side, type, tif, price, Remaining, 0, false, OrderRole.Entry);
        Current = _emitter.Place(request, _symbolId, Sequence, intended, nowNs, StopDistanceTicks);
        _orders.Add(Current);
    }
}
