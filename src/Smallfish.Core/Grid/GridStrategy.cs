using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;
using Smallfish.Core.Signals;
using Smallfish.Core.Time;

namespace Smallfish.Core.Grid;

/// <summary>
/// The multigrid strategy of one symbol: keeps post-only buy levels below and sell levels above a dynamic center,
/// closes each filled level with a reduce-only take-profit one level away, re-arms the level when that take-profit
/// fills, and guards the whole grid with the inventory cap, the grid stop, the risk gates and the kill switch.
/// Deterministic and single-writer: the engine calls <see cref="OnMarket"/>, <see cref="OnOrderUpdate"/> and
/// <see cref="OnFill"/> on one thread, in arrival order; commands go out through <see cref="IOrderCommands"/>.
/// </summary>
/// <remarks>
/// <para>Net (one-way) position: the grid assumes it alone trades the symbol's position. Long inventory exists only
/// from filled buy levels and is closed only by sells; every take-profit closes inventory the grid holds, so take-profits
/// are reduce-only (a take-profit can never open a position, and the exchange drops it if the position is gone), while
/// level orders are not (a sell level above the center opens a short once the longs are closed). While the grid is long,
/// the sell levels that would open a short stay above the highest sell take-profit, so the take-profits always close the
/// inventory first.</para>
/// <para>Re-centering and the diff: levels are re-planned on every market update from the placed center; the working
/// orders are diffed against the plan and only the cancels and places needed are sent, cancels first. An order whose
/// side, level price and size still match stays and keeps its queue place. The center, spacing and size per level only
/// change on a re-centering (see <see cref="GridPlanner.TryRecenter"/>).</para>
/// <para>Grid stop: when realized plus unrealized P&amp;L since the grid started reaches minus the stop (GridStopPct of
/// the equity at start, or GridStopMoney, whichever is smaller), every grid order is cancelled, the inventory is closed
/// with a reduce-only market order, and the grid stays stopped until <see cref="Reset"/>.</para>
/// </remarks>
public sealed partial class GridStrategy : IExecutionSink
{
    private readonly MultigridOptions _options;
    private readonly InstrumentSpec _spec;
    private readonly int _symbolId;
    private readonly bool _flattenOnKill;
    private readonly IGridGate _gate;
    private readonly TimeProvider _clock;
    private readonly GridCommandSender _send;
    private readonly GridOrderSet _orders = new();
    private readonly GridLedger _ledger;
    private readonly RecentIds _execIds = new(4096);

    /// <summary>Least time between a failed flatten and the next attempt: 250 ms.</summary>
    private const long FlattenRetryNs = 250 * TimeProviderExtensions.NsPerMs;

    private long _center;
    private long _spacing;
    private long _lotsPerLevel;
    private long _feeFloor;
    private double _rawCenter = double.NaN;
    private double _targetCenter = double.NaN;
    private double _biasSignal;
    private double _biasLevels;
    private long _recenters;

    private GridMode _mode = GridMode.Idle;
    private GateReason _gateReason = GateReason.Pass;
    private GridStopReason _stopReason;
    private bool _flattenWanted;
    private long _lastFlattenFailNs;
    private decimal _startEquity;
    private decimal _realizedAtStart;

    private long _bid;
    private long _ask;
    private long _nowNs;

    private long _peakInventory;
    private decimal _peakPnl;
    private decimal _maxDrawdown;
    private long _postOnlyRejects;
    private long _rejects;

    /// <summary>Creates the grid of one symbol.</summary>
    public GridStrategy(GridStrategySettings settings, IOrderCommands orders, IGridGate gate, TimeProvider clock, IGridRoundTripSink? roundTrips = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Options);
        ArgumentNullException.ThrowIfNull(settings.Spec);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(clock);
        _options = settings.Options;
        _spec = settings.Spec;
        _symbolId = settings.SymbolId;
        _flattenOnKill = settings.FlattenOnKill;
        _gate = gate;
        _clock = clock;
        _send = new GridCommandSender(orders, _spec.Symbol, settings.SymbolId, settings.Run, settings.FirstSequence);
        _ledger = new GridLedger(_spec, roundTrips);
        _plan = new GridLevel[2 * Math.Max(1, _options.Levels)];
        _matched = new bool[_plan.Length];
    }

    /// <summary>The symbol this grid trades.</summary>
    public string Symbol => _spec.Symbol;

    /// <summary>Life-cycle state.</summary>
    public GridMode Mode => _mode;

    /// <summary>Net inventory, lots (positive = long).</summary>
    public long InventoryLots => _ledger.InventoryLots;

    /// <summary>Sum of the net P&amp;L of every round trip, quote currency.</summary>
    public decimal RealizedPnl => _ledger.RealizedPnl;

    /// <summary>Number of grid orders not yet finished (working, pending or being cancelled).</summary>
    public int WorkingOrderCount
    {
        get
        {
            int n = 0;
            foreach (var o in _orders.Live) if (!o.IsTerminal) n++;
            return n;
        }
    }

    /// <summary>True when <paramref name="clientOrderId"/> is one of this grid's orders (working, or finished not long ago).</summary>
    public bool Owns(string clientOrderId) => _orders.TryGet(clientOrderId, out _);

    /// <summary>True for a client order id the grid makes (roles <c>GridLevel</c> and <c>GridTakeProfit</c>): route its reports here.</summary>
    public static bool IsGridClientOrderId(string? clientOrderId) =>
        clientOrderId is not null && ClientOrderId.TryParse(clientOrderId, out var parts)
        && parts.Role is OrderRole.GridLevel or OrderRole.GridTakeProfit;

    /// <summary>
    /// A market update of the symbol (after the features and the fusion were refreshed): checks the grid stop and the
    /// gates, re-centers when the rule says so, and sends the cancels and places that bring the working orders to the
    /// plan. <paramref name="fusion"/> (null = no bias) shifts the center; <paramref name="equity"/> sizes the levels
    /// at each (re-)centering and is the reference of <c>GridStopPct</c> when the grid starts. Allocates nothing unless
    /// it sends a command.
    /// </summary>
    public void OnMarket(in MarketFeatures features, FusionResult? fusion, decimal equity)
    {
        _nowNs = features.NowNs > 0 ? features.NowNs : _clock.GetUnixTimeNs();
        bool bookOk = features.IsBookValid && features.BestBidTicks > 0 && features.BestAskTicks > features.BestBidTicks;
        if (bookOk)
        {
            _bid = features.BestBidTicks;
            _ask = features.BestAskTicks;
        }
        _orders.Compact();
        Track();

        if (_mode == GridMode.Stopped)
        {
            if (_flattenWanted) EnsureFlat();
            return;
        }
        if (CheckStop()) return;

        _gateReason = _gate.Check(_symbolId, features);
        var action = GridGatePolicy.ActionFor(_gateReason);
        if (action == GridGateAction.CancelAll)
        {
            EnterKilled();
            return;
        }
        if (_mode == GridMode.Killed) Resume();

        bool run = action == GridGateAction.Run && bookOk;
        if (run) UpdateGeometry(features, fusion, equity);
        _mode = _center == 0 ? GridMode.Idle : run ? GridMode.Running : GridMode.Holding;

        ReconcileTakeProfits();
        if (action == GridGateAction.CancelLevels) CancelOrders(GridOrderKind.Level);
        else if (run && _center > 0) ReconcileLevels();
    }

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update)
    {
        if (!_orders.TryGet(update.ClientOrderId, out var order) || order.IsTerminal) return;
        Touch();
        switch (update.Status)
        {
            case OrderStatus.New:
            case OrderStatus.PartiallyFilled:
                order.Status = update.Status;
                return;
            case OrderStatus.PendingNew:
            case OrderStatus.PendingCancel:
                return;
        }

        order.Status = update.Status;
        _orders.Finished(order);
        if (order.Kind == GridOrderKind.Flatten)
        {
            if (order.FilledLots >= order.Lots) return;
            _lastFlattenFailNs = _nowNs;
            if (update.Reject == RejectReason.ReduceOnlyViolated && order.FilledLots == 0)
            {
                // The venue holds no position to reduce although the grid's books say it does: stop retrying, report it.
                _rejects++;
                _flattenWanted = false;
            }
            return;
        }
        if (update.Reject == RejectReason.PostOnlyWouldTake) OnPostOnlyRejected(order);
        else if (update.Status == OrderStatus.Rejected && update.Reject != RejectReason.OrderNotFound && !order.CancelSent) OnRejected(order);
    }

    /// <inheritdoc />
    public void OnFill(in Fill fill)
    {
        if (!_orders.TryGet(fill.ClientOrderId, out var order) || !_execIds.Add(fill.ExecId)) return;
        order.FilledLots += fill.QtyLots;
        Touch();
        _ledger.Apply(order, fill);
        Track();
        if (_mode is GridMode.Stopped or GridMode.Killed) return;
        if (CheckStop()) return;
        ReconcileTakeProfits();
    }

    /// <summary>
    /// The kill switch tripped: cancel every grid order now (and flatten when FlattenOnKill) without waiting for the next
    /// market update. The grid stays down while the gate answers <see cref="GateReason.KillSwitch"/> and re-arms from a
    /// fresh center once it passes again.
    /// </summary>
    public void OnKillSwitch()
    {
        if (_mode == GridMode.Stopped) return;
        EnterKilled();
    }

    /// <summary>Stops the grid by command: cancel everything, flatten, stay stopped until <see cref="Reset"/>.</summary>
    public void Stop() => StopGrid(GridStopReason.Manual);

    /// <summary>
    /// Clears a grid stop: the grid starts again from a fresh center at the next market update, with the stop measured
    /// from then (and against the equity then). Returns false when the grid was not stopped.
    /// </summary>
    public bool Reset()
    {
        if (_mode != GridMode.Stopped) return false;
        _mode = GridMode.Idle;
        _stopReason = GridStopReason.None;
        _flattenWanted = false;
        _center = 0;
        _startEquity = 0;
        return true;
    }

    /// <summary>Moves the grid's time to the clock's (reports carry venue times, which are not decision times).</summary>
    private void Touch()
    {
        long now = _clock.GetUnixTimeNs();
        if (now > _nowNs) _nowNs = now;
    }

    private void UpdateGeometry(in MarketFeatures features, FusionResult? fusion, decimal equity)
    {
        double raw = GridPlanner.CenterTicks(_options.CenterSource, features);
        if (double.IsNaN(raw)) return;
        _rawCenter = raw;
        _feeFloor = GridPlanner.FeeFloorTicks(_options.MakerFeeBps, _options.MinEdgeBps, raw);
        long spacing = GridPlanner.FeeAwareSpacing(GridPlanner.SpacingTicks(_options, features), _feeFloor, _spacing);
        bool signal = fusion is { QualityOk: true } && double.IsFinite(fusion.Confidence);
        _biasSignal = signal ? Math.Sign(fusion!.Direction) * Math.Clamp(fusion.Confidence, 0, 1) : 0;
        _biasLevels = signal ? GridPlanner.BiasLevels(_options.BiasStrength, fusion!.Direction, fusion.Confidence, _options.Levels) : 0;
        _targetCenter = GridPlanner.BiasedCenter(raw, _biasLevels, _center > 0 ? _spacing : spacing);
        if (!GridPlanner.TryRecenter(_center, _spacing, _targetCenter, spacing, _options.RecenterThresholdLevels, out long center)) return;

        // The size is set when the grid starts and kept while it re-centers on the same spacing, so that the levels that
        // stay keep matching; only when every level moves anyway (a new spacing) is it sized again.
        long lots = _center == 0 || spacing != _spacing ? GridPlanner.LotsPerLevel(equity, _options.SizePerLevelPct, center, _spec) : _lotsPerLevel;
        if (_center == 0)
        {
            if (lots == 0) return; // below the instrument's minimums: nothing to start with
            if (_startEquity == 0)
            {
                _startEquity = equity;
                _realizedAtStart = _ledger.RealizedPnl;
            }
        }
        else
        {
            _recenters++;
        }
        _center = center;
        _spacing = spacing;
        _lotsPerLevel = lots;
        _retries.Clear();
        _blocked.Clear();
    }

    private void OnPostOnlyRejected(GridOrder order)
    {
        _postOnlyRejects++;
        if (order.Kind == GridOrderKind.TakeProfit && order.Unit is { } unit)
        {
            unit.TakeProfitOffsetTicks++;
            unit.RetryPending = true;
            unit.RetrySequence = order.Sequence;
            unit.RetryAttempt = order.Attempt;
        }
        else if (order.Kind == GridOrderKind.Level)
        {
            var key = (order.Side, order.KeyTicks);
            if (!_retries.TryGetValue(key, out var retry)) _retries[key] = retry = new GridRetry();
            retry.OffsetTicks++;
            retry.Sequence = order.Sequence;
            retry.Attempt = order.Attempt;
            retry.Pending = true;
        }
    }

    private void OnRejected(GridOrder order)
    {
        _rejects++;
        if (order.Kind == GridOrderKind.TakeProfit && order.Unit is { } unit) unit.TakeProfitBlocked = true;
        else if (order.Kind == GridOrderKind.Level) _blocked.Add((order.Side, order.KeyTicks));
    }
}
