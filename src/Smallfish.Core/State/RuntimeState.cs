using System.Collections.Immutable;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Signals;

namespace Smallfish.Core.State;

/// <summary>
/// The engine's single mutable state: equity and drawdown, open positions, working orders, latest signal scores, the
/// kill switch, the day's counters and service counters. One writer (the engine's event loop) calls every method;
/// readers on other threads use <see cref="Published"/>, an immutable snapshot the writer refreshes with
/// <see cref="Publish"/>. No clock is read here: every time comes in as an argument.
/// </summary>
public sealed class RuntimeState
{
    private readonly string[] _symbols;
    private readonly double[][] _scores;
    private readonly double[] _fused;
    private readonly long[] _scoredNs;
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private RuntimeSnapshot? _published;
    private IReadOnlyList<GridStrategy> _grids = [];

    /// <summary>
    /// Creates the state for the symbol table <paramref name="symbols"/> (index = symbol id), with room for
    /// <paramref name="signalCount"/> scores per symbol (indexed by <see cref="SignalId"/>).
    /// </summary>
    public RuntimeState(IReadOnlyList<string> symbols, decimal startingEquity, long startNs, int signalCount = SignalIds.Count)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalCount, 1);
        _symbols = symbols.ToArray();
        _scores = new double[_symbols.Length][];
        for (int i = 0; i < _scores.Length; i++) _scores[i] = new double[signalCount];
        _fused = new double[_symbols.Length];
        _scoredNs = new long[_symbols.Length];
        Equity = new EquityTracker(startingEquity);
        Daily = new DailyCounters(startNs);
        AsOfNs = startNs;
    }

    /// <summary>Equity, peak and drawdown.</summary>
    public EquityTracker Equity { get; }

    /// <summary>The day's counters.</summary>
    public DailyCounters Daily { get; }

    /// <summary>The kill switch.</summary>
    public KillSwitchState KillSwitch { get; } = new();

    /// <summary>Latest time passed in, ns.</summary>
    public long AsOfNs { get; private set; }

    /// <summary>Close time of the latest losing trade, ns (0 = none): the start of the loss cooldown.</summary>
    public long LastLossNs { get; private set; }

    /// <summary>Market and execution events the engine processed.</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Order-book resyncs (gaps, crossed books, reconnects).</summary>
    public long BookResyncs { get; private set; }

    /// <summary>Open positions by symbol.</summary>
    public IReadOnlyDictionary<string, Position> Positions => _positions;

    /// <summary>Working orders by client order id.</summary>
    public IReadOnlyDictionary<string, Order> WorkingOrders => _orders;

    /// <summary>The symbol table.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>The latest snapshot the writer published (null before the first <see cref="Publish"/>); safe from any thread.</summary>
    public RuntimeSnapshot? Published => Volatile.Read(ref _published);

    /// <summary>Moves the state's time: rolls the day at UTC midnight.</summary>
    public void OnTime(long nowNs)
    {
        if (nowNs > AsOfNs) AsOfNs = nowNs;
        Daily.RollIfNeeded(nowNs);
    }

    /// <summary>Records a newly opened position. Throws when the symbol already has one (the caller must add to it instead).</summary>
    public void OnEnter(Position position, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(position);
        OnTime(nowNs);
        if (!_positions.TryAdd(position.Symbol, position))
        {
            throw new InvalidOperationException($"a position in {position.Symbol} is already open");
        }
        Daily.RecordEntry();
    }

    /// <summary>
    /// Records a position taken over from the exchange at a restart (not a new entry: the day's entry count is not
    /// touched). Throws when the symbol already has one.
    /// </summary>
    public void AdoptPosition(Position position, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(position);
        OnTime(nowNs);
        if (!_positions.TryAdd(position.Symbol, position))
        {
            throw new InvalidOperationException($"a position in {position.Symbol} is already open");
        }
    }

    /// <summary>
    /// Records a closed round trip: removes the position, applies the net P&amp;L to equity (peak and drawdown follow),
    /// counts it for the day (rolling the day first if the close is in a new one) and notes a loss for the cooldown.
    /// </summary>
    public void OnExit(TradeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        OnTime(result.ClosedNs);
        _positions.Remove(result.Symbol);
        Equity.Apply(result.NetPnl);
        Daily.RecordExit(result);
        if (result.NetPnl < 0 && result.ClosedNs > LastLossNs) LastLossNs = result.ClosedNs;
    }

    /// <summary>
    /// Records a closed grid round trip (the grid's inventory is not a bracketed position): applies the net P&amp;L to
    /// equity and counts it in the day's trades, realized P&amp;L and R (the engine gives a grid trade an R against the
    /// scalper's risk unit, so the daily loss limit covers the grid). It does not start the loss cooldown: the grid's
    /// inventory is not a position that was stopped out.
    /// </summary>
    public void OnGridExit(TradeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        OnTime(result.ClosedNs);
        Equity.Apply(result.NetPnl);
        Daily.RecordExit(result);
    }

    /// <summary>The grids whose <see cref="GridStrategy.Snapshot"/> every <see cref="Snapshot"/> includes (<see cref="RuntimeSnapshot.Grids"/>).</summary>
    public void AttachGrids(IReadOnlyList<GridStrategy> grids) => _grids = grids ?? throw new ArgumentNullException(nameof(grids));

    /// <summary>Sets equity to a known value (wallet balance after reconciliation).</summary>
    public void SetEquity(decimal equity, long nowNs)
    {
        OnTime(nowNs);
        Equity.Set(equity);
    }

    /// <summary>
    /// Continues from what was saved before a restart: the equity peak (so drawdown tiers carry over), the day's
    /// counters when they are today's, the kill switch, and the last loss (the cooldown). <paramref name="nowNs"/> is the
    /// restart time; the current equity is set from <see cref="RestoredState.Equity"/> when it is given.
    /// </summary>
    public void Restore(RestoredState restored, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(restored);
        OnTime(nowNs);
        decimal equity = restored.Equity ?? Equity.Equity;
        if (restored.PeakEquity is { } peak && peak > equity) Equity.Set(peak);
        Equity.Set(equity);
        if (restored.Daily is { } daily) Daily.Restore(daily);
        if (restored.KillSwitch is { } kill) KillSwitch.Restore(kill);
        if (restored.LastLossNs > LastLossNs) LastLossNs = restored.LastLossNs;
    }

    /// <summary>Tracks a working order.</summary>
    public void AddOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _orders[order.ClientOrderId] = order;
    }

    /// <summary>Stops tracking an order (filled, cancelled, rejected). Returns false when it was not tracked.</summary>
    public bool RemoveOrder(string clientOrderId) => _orders.Remove(clientOrderId);

    /// <summary>Trips the kill switch. Returns false when it was already tripped (the first reason is kept).</summary>
    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail = null)
    {
        OnTime(nowNs);
        return KillSwitch.Trip(reason, nowNs, detail);
    }

    /// <summary>Resumes trading after a trip: the only way the kill switch resets. Returns false when it was not tripped.</summary>
    public bool ResumeFromKillSwitch(long nowNs)
    {
        OnTime(nowNs);
        return KillSwitch.Resume(nowNs);
    }

    /// <summary>Counts a slippage breach for the day.</summary>
    public void RecordSlippageBreach(long nowNs)
    {
        OnTime(nowNs);
        Daily.RecordSlippageBreach();
    }

    /// <summary>
    /// Checks the day's counters against <paramref name="limits"/> (rolling the day first) and trips the kill switch
    /// with the reason of the first breached limit. Returns the breached limit's reason, or None.
    /// </summary>
    public KillSwitchReason CheckDailyLimits(in DailyLimits limits, long nowNs)
    {
        OnTime(nowNs);
        KillSwitchReason breach = KillSwitchReason.None;
        string? detail = null;
        if (limits.MaxLossR > 0 && -Daily.NetR >= limits.MaxLossR)
        {
            breach = KillSwitchReason.DailyLossR;
            detail = FormattableString.Invariant($"daily loss {-Daily.NetR:0.##} R >= limit {limits.MaxLossR:0.##} R");
        }
        else if (limits.MaxLossMoney > 0 && -Daily.RealizedPnl >= limits.MaxLossMoney)
        {
            breach = KillSwitchReason.DailyLossMoney;
            detail = FormattableString.Invariant($"daily loss {-Daily.RealizedPnl} >= limit {limits.MaxLossMoney}");
        }
        else if (limits.MaxSlippageBreaches > 0 && Daily.SlippageBreaches >= limits.MaxSlippageBreaches)
        {
            breach = KillSwitchReason.SlippageBreaches;
            detail = FormattableString.Invariant($"{Daily.SlippageBreaches} slippage breaches >= limit {limits.MaxSlippageBreaches}");
        }
        if (breach != KillSwitchReason.None) KillSwitch.Trip(breach, nowNs, detail);
        return breach;
    }

    /// <summary>
    /// Position-size multiplier for the current drawdown: the multiplier of the tier with the highest threshold at or
    /// below the drawdown (percent of peak); 1 when no tier applies. Tiers need not be sorted.
    /// </summary>
    public double SizeMultiplier(ReadOnlySpan<DrawdownTier> tiers)
    {
        double dd = Equity.DrawdownPct;
        double best = double.NegativeInfinity, multiplier = 1;
        foreach (var t in tiers)
        {
            if (t.DrawdownPct <= dd && t.DrawdownPct > best)
            {
                best = t.DrawdownPct;
                multiplier = t.Multiplier;
            }
        }
        return Math.Max(0, multiplier);
    }

    /// <summary>Stores the latest signal scores and fused score of symbol <paramref name="symbolId"/> (no allocation).</summary>
    public void SetScores(int symbolId, ReadOnlySpan<double> signals, double fused, long nowNs)
    {
        var row = _scores[symbolId];
        if (signals.Length > row.Length) throw new ArgumentException($"at most {row.Length} signal scores", nameof(signals));
        signals.CopyTo(row);
        _fused[symbolId] = fused;
        _scoredNs[symbolId] = nowNs;
    }

    /// <summary>Latest signal scores of symbol <paramref name="symbolId"/>.</summary>
    public ReadOnlySpan<double> Scores(int symbolId) => _scores[symbolId];

    /// <summary>Latest fused score of symbol <paramref name="symbolId"/>.</summary>
    public double FusedScore(int symbolId) => _fused[symbolId];

    /// <summary>Counts one processed event.</summary>
    public void CountEvent() => EventsProcessed++;

    /// <summary>Counts one order-book resync.</summary>
    public void RecordBookResync() => BookResyncs++;

    /// <summary>Builds an immutable copy (writer thread only; allocates).</summary>
    public RuntimeSnapshot Snapshot()
    {
        var positions = ImmutableArray.CreateBuilder<PositionSnapshot>(_positions.Count);
        foreach (var p in _positions.Values) positions.Add(PositionSnapshot.From(p));
        var orders = ImmutableArray.CreateBuilder<OrderSnapshot>(_orders.Count);
        foreach (var o in _orders.Values) orders.Add(OrderSnapshot.From(o));
        var scores = ImmutableArray.CreateBuilder<SymbolScores>(_symbols.Length);
        for (int i = 0; i < _symbols.Length; i++)
        {
            scores.Add(new SymbolScores(_symbols[i], ImmutableArray.Create(_scores[i]), _fused[i], _scoredNs[i]));
        }
        return new RuntimeSnapshot(
            AsOfNs, Equity.Equity, Equity.PeakEquity, Equity.DrawdownAbs, Equity.DrawdownPct, Equity.MaxDrawdownPct,
            positions.MoveToImmutable(), orders.MoveToImmutable(), scores.MoveToImmutable(),
            KillSwitch.Snapshot(), Daily.Snapshot(), LastLossNs, EventsProcessed, BookResyncs)
        {
            Grids = GridSnapshots(),
        };
    }

    /// <summary>A snapshot of every attached grid, in symbol-table order (empty when none are attached).</summary>
    internal ImmutableArray<GridState> GridSnapshots()
    {
        if (_grids.Count == 0) return ImmutableArray<GridState>.Empty;
        var grids = ImmutableArray.CreateBuilder<GridState>(_grids.Count);
        foreach (var g in _grids) grids.Add(g.Snapshot());
        return grids.MoveToImmutable();
    }

    /// <summary>Builds a snapshot and publishes it for readers on other threads (writer thread only).</summary>
    public RuntimeSnapshot Publish()
    {
        var s = Snapshot();
        Volatile.Write(ref _published, s);
        return s;
    }
}
