using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Brackets;

/// <summary>
/// Protects and exits the position of one symbol. On every entry fill, partial ones included, it opens or grows the
/// position and, within the same call, places or resizes the exchange-side bracket for the filled size: a close-position
/// StopMarket stop-loss (the venue sizes it to the position when it triggers, so it never needs a size amend) and a
/// reduce-only take-profit (a resting GTC limit, or a TakeProfitMarket conditional, as
/// <see cref="RiskOptions.TakeProfitOrderType"/> says) at the profile's R:R, plus the partial take-profit when the
/// profile has one. When one side fills the position away, the others are cancelled (one cancels the other; all
/// bracket orders are reduce-only, so an order still in flight can never open a new position). Then the management
/// rules: trailing stop (activation at an R multiple, steps in ticks, by amending the stop's trigger), partial
/// take-profit followed by a move of the stop to break-even, time stop (exit at market), and the kill switch's
/// flatten. Books the round trip (<see cref="RoundTrip"/>) into a <see cref="TradeResult"/>.
/// </summary>
/// <remarks>
/// <para>Bracket prices: stop = entry ∓ 1R (the entry's stop distance), take-profit = entry ± R:R x 1R (rounded up),
/// partial = entry ± AtRMultiple x 1R. While the stop is at its initial place, they are recomputed from the average
/// entry after each entry fill (amending the orders), so 1R stays the planned distance from the actual entry.</para>
/// <para><see cref="Reconcile"/> keeps the invariant "an open position has a live protective stop": a stop that was
/// rejected, expired or cancelled by the exchange is replaced at once; if the stop price has already traded (or the
/// exchange refuses the stop for a reason a retry will not fix), the position is closed at market instead. Exits that
/// fail are retried after the reject back-off; after <see cref="MaxExitAttempts"/> failures <see cref="ProtectionFailed"/>
/// is raised so the engine trips the kill switch.</para>
/// </remarks>
public sealed partial class BracketManager
{
    /// <summary>Failed exits after which <see cref="ProtectionFailed"/> is raised.</summary>
    public const int MaxExitAttempts = 5;

    /// <summary>
    /// An amend of the stop the venue has not answered after this long is sent again, ns. The protection invariant
    /// allows a position one second without a full-size stop; an answer that never comes must not use it up.
    /// </summary>
    public const long StopAmendRepeatNs = 250 * Ms;

    /// <summary>
    /// How long the bracket waits, ns, for the fills a bracket order's final status announced (a venue may report the
    /// status before the execution: Bybit sends them on separate topics) before acting on the position it still books.
    /// </summary>
    public const long AnnouncedFillWaitNs = 500 * Ms;

    /// <summary>First wait before a failed market exit is sent again, ns; it doubles with each failure, up to the reject back-off.</summary>
    public const long ExitRetryFirstNs = 100 * Ms;

    private const long Ms = 1_000_000;

    private readonly int _symbolId;
    private readonly InstrumentSpec _spec;
    private readonly OrderBook _book;
    private readonly OrderEmitter _emitter;
    private readonly long _run;
    private readonly double _rewardRisk;
    private readonly bool _partialEnabled;
    private readonly double _partialFraction;
    private readonly double _partialAtR;
    private readonly bool _breakEven;
    private readonly bool _trailing;
    private readonly double _trailActivationR;
    private readonly long _trailStepTicks;
    private readonly long _timeStopNs;
    private readonly TakeProfitOrderKind _tpKind;
    private readonly long _retryBackoffNs;
    private readonly bool _stopMovesByReplace;
    private readonly int[] _attempts = new int[8];
    private readonly RoundTrip _trip = new();

    private long _partialPriceTicks;
    private long _entryLots;
    private int _stopRejects;
    private bool _stopRetryable;
    private int _tpRejects;
    private int _exitAttempts;
    private long _exitNotBeforeNs;

    /// <summary>Creates the manager of one symbol over its (engine-side) book.</summary>
    /// <remarks>
    /// <paramref name="stopMovesByReplace"/>: the venue cannot amend an untriggered conditional order (Binance algo
    /// orders), so a stop moves (trailing, break-even, a new average entry) by a cancel and a new close-position stop
    /// sent right after it, instead of an amend of its trigger.
    /// </remarks>
    public BracketManager(int symbolId, OrderBook book, RiskOptions risk, RoutingOptions routing, OrderEmitter emitter, long run,
        bool stopMovesByReplace = false)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(emitter);
        _symbolId = symbolId;
        _book = book;
        _spec = book.Spec;
        _emitter = emitter;
        _run = run;
        _rewardRisk = risk.RewardRisk;
        _partialEnabled = risk.PartialTakeProfit.Enabled;
        _partialFraction = risk.PartialTakeProfit.Fraction;
        _partialAtR = risk.PartialTakeProfit.AtRMultiple;
        _breakEven = risk.MoveStopToBreakEven;
        _trailing = risk.Trailing.Enabled;
        _trailActivationR = risk.Trailing.ActivationRMultiple;
        _trailStepTicks = risk.Trailing.StepTicks;
        _timeStopNs = risk.TimeStopSeconds * 1000L * Ms;
        _tpKind = risk.TakeProfitOrderType;
        _retryBackoffNs = Math.Max(1, routing.RejectBackoffMs) * Ms;
        _stopMovesByReplace = stopMovesByReplace;
    }

    /// <summary>The open position (null when flat).</summary>
    public Position? Position { get; private set; }

    /// <summary>True while a position is open.</summary>
    public bool HasPosition => Position is not null;

    /// <summary>Decision sequence of the entry that opened the position (part of the bracket orders' ids).</summary>
    public long Sequence { get; private set; } = -1;

    /// <summary>The position's stop distance (1R), ticks.</summary>
    public long DistanceTicks { get; private set; }

    /// <summary>Where the stop stands.</summary>
    public StopStage Stage { get; private set; }

    /// <summary>The protective stop order (may be terminal; see <see cref="ManagedOrder.IsActive"/>).</summary>
    public ManagedOrder? StopOrder { get; private set; }

    /// <summary>The take-profit order.</summary>
    public ManagedOrder? TakeProfitOrder { get; private set; }

    /// <summary>The partial take-profit order.</summary>
    public ManagedOrder? PartialOrder { get; private set; }

    /// <summary>The latest market exit order.</summary>
    public ManagedOrder? ExitOrder { get; private set; }

    /// <summary>Why the position is being closed at market, when it is.</summary>
    public ExitReason? PendingExit { get; private set; }

    /// <summary>Latest trade price seen, ticks.</summary>
    public long LastTradeTicks { get; private set; }

    /// <summary>True when exits keep failing: the engine trips the kill switch.</summary>
    public bool ProtectionFailed { get; private set; }

    /// <summary>Round trips closed since creation.</summary>
    public long Closed { get; private set; }

    /// <summary>The partial take-profit price of the open position, ticks (0 = none).</summary>
    public long PartialPriceTicks => _partialPriceTicks;

    /// <summary>
    /// An entry order filled <paramref name="fill"/>: opens or grows the position and places or resizes the bracket
    /// at once. Returns true when this fill opened a new position.
    /// </summary>
    public bool OnEntryFill(ManagedOrder entry, in Fill fill, long addedSlippageTicks, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var p = Position;
        bool opened = false;
        if (p is null || p.QtyLots == 0)
        {
            OpenPosition(entry, fill, nowNs);
            p = Position!;
            opened = true;
        }
        else if (fill.Side != p.Side)
        {
            return false; // an entry against the position cannot happen: entries wait until flat
        }
        else
        {
            long qty = p.QtyLots + fill.QtyLots;
            p.EntryPriceTicks = (p.EntryPriceTicks * p.QtyLots + (decimal)fill.PriceTicks * fill.QtyLots) / qty;
            p.QtyLots = qty;
            if (qty > p.InitialQtyLots) p.InitialQtyLots = qty;
            p.Fees += fill.Fee;
            _entryLots += fill.QtyLots;
            if (Stage == StopStage.Initial) ApplyPlan(p);
        }
        _trip.AddEntry(fill.PriceTicks, fill.QtyLots);
        p.Mark(fill.PriceTicks);
        LastTradeTicks = fill.PriceTicks; // our own fill is the freshest trade price we know
        _trip.AddSlippage(addedSlippageTicks);
        SyncOrders(nowNs);
        return opened;
    }

    /// <summary>
    /// A bracket or exit order filled <paramref name="fill"/>: reduces the position, resizes what is left of the
    /// bracket, and returns the round trip's result when the position is flat (null otherwise).
    /// </summary>
    public TradeResult? OnExitFill(ManagedOrder order, in Fill fill, long addedSlippageTicks, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        var p = Position;
        if (p is null || fill.Side == p.Side) return null;
        long lots = Math.Min(fill.QtyLots, p.QtyLots);
        _trip.AddExit(p, fill.PriceTicks, lots, _spec);
        _trip.AddSlippage(addedSlippageTicks);
        _trip.Reason = ReasonFor(order);
        p.Fees += fill.Fee;
        p.Mark(fill.PriceTicks);
        LastTradeTicks = fill.PriceTicks;
        p.QtyLots -= lots;
        if (p.QtyLots == 0) return Close(nowNs);

        if (order.Role == OrderRole.PartialTakeProfit && order.OpenLots == 0 && !p.PartialTaken)
        {
            p.PartialTaken = true;
            if (_breakEven) MoveToBreakEven(p, nowNs);
        }
        SyncOrders(nowNs);
        return null;
    }

    /// <summary>Funding settled on the position (positive = paid).</summary>
    public void OnFunding(decimal amount)
    {
        if (Position is { } p) p.Funding += amount;
    }

    /// <summary>A trade printed: excursions and the trailing stop.</summary>
    public void OnTrade(long priceTicks, long nowNs)
    {
        LastTradeTicks = priceTicks;
        var p = Position;
        if (p is null) return;
        p.Mark(priceTicks);
        if (!_trailing || PendingExit is not null) return;
        decimal activation = (decimal)_trailActivationR * p.RiskTicks;
        long next = TrailingStop.Next(p.Side, p.EntryPriceTicks, p.BestPriceTicks, p.StopTicks, activation, _trailStepTicks, priceTicks);
        if (next > 0) MoveStop(p, next, StopStage.Trailing, nowNs);
    }

    /// <summary>Time passed: the time stop.</summary>
    public void OnTimer(long nowNs)
    {
        var p = Position;
        if (p is null) return;
        if (_timeStopNs > 0 && PendingExit is null && nowNs - p.OpenedNs >= _timeStopNs) RequestExit(ExitReason.TimeStop, nowNs);
    }

    /// <summary>
    /// Closes the position at market (time stop, kill switch, a stop that cannot be placed): cancels the take-profits,
    /// keeps the stop until flat, and sends a reduce-only market order for the open quantity.
    /// </summary>
    public void RequestExit(ExitReason reason, long nowNs)
    {
        if (Position is null || PendingExit is not null) return;
        PendingExit = reason;
        CancelIfActive(TakeProfitOrder, nowNs);
        CancelIfActive(PartialOrder, nowNs);
        SendExit(nowNs);
    }

    /// <summary>Reacts to a classified update of one of its orders.</summary>
    public void OnOrderEvent(ManagedOrder order, OrderEvent ev, in OrderUpdate update, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Position is null) return;
        if (ev == OrderEvent.AmendRejected)
        {
            if (ReferenceEquals(order, StopOrder))
            {
                // A stop we cannot move or resize (e.g. it would trigger at once): leave at market.
                RequestExit(ReasonFor(order), nowNs);
            }
            else if (ReferenceEquals(order, TakeProfitOrder) || ReferenceEquals(order, PartialOrder))
            {
                _emitter.Cancel(order, nowNs); // replaced by Reconcile once it is gone
            }
            return;
        }
        if (ev != OrderEvent.Terminal) return;
        var status = order.Order.Status;
        if (ReferenceEquals(order, StopOrder) && status == OrderStatus.Rejected)
        {
            _stopRejects++;
            _stopRetryable = update.Reject is RejectReason.Transient or RejectReason.RateLimited or RejectReason.TimestampOutOfWindow;
        }
        else if (ReferenceEquals(order, TakeProfitOrder) && status == OrderStatus.Rejected)
        {
            _tpRejects++;
        }
        else if (ReferenceEquals(order, ExitOrder) && order.Order.FilledLots < order.QtyLots)
        {
            // A failed exit is protection that did not happen: try again soon, backing off in doubling steps up to the
            // reject back-off (MaxExitAttempts bounds the tries).
            int shift = Math.Clamp(_exitAttempts - 1, 0, 16);
            _exitNotBeforeNs = nowNs + Math.Min(_retryBackoffNs, ExitRetryFirstNs << shift);
        }
    }

    /// <summary>
    /// Restores the invariants of an open position: a live stop for the open size (or an exit at market when no stop
    /// can stand), a retried exit when one is pending, take-profits sized to the position.
    /// </summary>
    public void Reconcile(long nowNs)
    {
        if (Position is null) return;
        SyncOrders(nowNs);
    }

    private void OpenPosition(ManagedOrder entry, in Fill fill, long nowNs)
    {
        if (entry.Sequence != Sequence)
        {
            Array.Clear(_attempts);
            Sequence = entry.Sequence;
        }
        DistanceTicks = Math.Max(1, entry.StopDistanceTicks);
        Stage = StopStage.Initial;
        var p = new Position(_spec.Symbol, fill.Side, fill.QtyLots, fill.PriceTicks, nowNs, 0)
        {
            Fees = fill.Fee,
        };
        Position = p;
        _entryLots = fill.QtyLots;
        _trip.Reset();
        StopOrder = TakeProfitOrder = PartialOrder = ExitOrder = null;
        PendingExit = null;
        ProtectionFailed = false;
        _stopRejects = _tpRejects = _exitAttempts = 0;
        _stopRetryable = false;
        _exitNotBeforeNs = 0;
        ApplyPlan(p);
    }

    private void ApplyPlan(Position p)
    {
        long entry = (long)decimal.Round(p.EntryPriceTicks, 0, MidpointRounding.AwayFromZero);
        var plan = BracketPlan.Create(p.Side, entry, DistanceTicks, _rewardRisk, _partialEnabled ? _partialAtR : 0);
        p.StopTicks = plan.StopTicks;
        p.InitialStopTicks = plan.StopTicks;
        p.TakeProfitTicks = plan.TakeProfitTicks;
        _partialPriceTicks = plan.PartialTakeProfitTicks;
    }

    private TradeResult Close(long nowNs)
    {
        var p = Position!;
        var result = _trip.ToResult(p, _spec, nowNs);
        CancelIfActive(StopOrder, nowNs);
        CancelIfActive(TakeProfitOrder, nowNs);
        CancelIfActive(PartialOrder, nowNs);
        Position = null;
        PendingExit = null;
        Closed++;
        return result;
    }

    private void MoveToBreakEven(Position p, long nowNs)
    {
        long be = p.Side == Side.Buy ? (long)decimal.Ceiling(p.EntryPriceTicks) : (long)decimal.Floor(p.EntryPriceTicks);
        if ((be - p.StopTicks) * p.Side.Sign() <= 0) return; // the stop is already at or past break-even
        if (LastTradeTicks > 0 && (LastTradeTicks - be) * p.Side.Sign() <= 0) return; // the market is already there
        MoveStop(p, be, StopStage.BreakEven, nowNs);
    }

    private void MoveStop(Position p, long stopTicks, StopStage stage, long nowNs)
    {
        p.StopTicks = stopTicks;
        Stage = stage;
        if (StopOrder is { IsActive: true } stop) ShiftStop(stop, p, nowNs);
    }

    private ExitReason StopReason() => Stage switch
    {
        StopStage.BreakEven => ExitReason.BreakEven,
        StopStage.Trailing => ExitReason.TrailingStop,
        _ => ExitReason.StopLoss,
    };

    private ExitReason ReasonFor(ManagedOrder order) => order.Role switch
    {
        OrderRole.StopLoss => StopReason(),
        OrderRole.TakeProfit or OrderRole.PartialTakeProfit => ExitReason.TakeProfit,
        _ => PendingExit ?? ExitReason.Manual,
    };

    private void CancelIfActive(ManagedOrder? order, long nowNs)
    {
        if (order is { IsActive: true }) _emitter.Cancel(order, nowNs);
    }
}
