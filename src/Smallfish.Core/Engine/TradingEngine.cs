using Smallfish.Core.Brackets;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Core.Time;

namespace Smallfish.Core.Engine;

/// <summary>
/// The single-writer trading core the service and the backtest share. Market events go book → synchronizer → features
/// → signals and fusion → pre-trade gates → sizing → entry router; trades also drive the trailing stop and the shadow
/// trades; tickers feed the funding schedule. Venue reports (order updates, fills, funding) drive the router, the
/// brackets, the round-trip books, <see cref="RuntimeState"/> and the journal. <see cref="OnTimer"/> moves time-based
/// transitions (reprice timeouts, time stops, unanswered orders, retries, day roll) when no event arrives.
/// </summary>
/// <remarks>
/// <para>Every method must be called from one logical thread, in arrival order. Commands leave only through
/// <see cref="IOrderCommands"/>, records only through <see cref="IJournal"/>; time is read only from the
/// <see cref="TimeProvider"/> given (the decision time), never from a wall clock, so the same events on the same clock
/// give the same commands and the same journal.</para>
/// <para>Every entry decision the fusion wants is journaled with the signal scores, weights and gate outcome; a
/// decision that repeats the previous one's outcome (same gate, same direction, while the fusion keeps wanting the
/// entry) is coalesced into it rather than journaled again on every event. A decision's sequence number is part of
/// the client order ids of the orders it leads to: <c>ClientOrderId.Create(run, symbolId, sequence, role, attempt)</c>.</para>
/// </remarks>
public sealed partial class TradingEngine : IMarketEventSink, IExecutionSink, IFundingSink
{
    private const long Ms = 1_000_000;

    /// <summary>Time work (timeouts, time stops) runs on market events at most this often; <see cref="OnTimer"/> runs it always.</summary>
    public const long TimeWorkIntervalNs = 10 * Ms;

    private const int ExecIdMemory = 8192;

    private readonly TimeProvider _clock;
    private readonly SimulatedClock? _simClock;
    private readonly IJournal _journal;
    private readonly ISignalEvaluator _signals;
    private readonly SymbolContext[] _contexts;
    private readonly Dictionary<string, int> _bySymbol = new(StringComparer.Ordinal);
    private readonly FeatureEngine _features;
    private readonly OrderEmitter _emitter;
    private readonly KillSwitchPolicy _kill;
    private readonly ShadowTradeTracker _shadows;
    private readonly HashSet<string> _execIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _execIdOrder = new();
    private readonly long _ackTimeoutNs;
    private readonly InstrumentSpec[] _specs;
    private readonly string[] _symbols;
    private long _lastTimeWorkNs = long.MinValue;

    internal TradingEngine(EngineSetup setup, IReadOnlyList<string> symbols, InstrumentSpec[] specs)
    {
        var options = setup.Options;
        _clock = setup.Clock ?? throw new ArgumentException("Clock is required", nameof(setup));
        _simClock = _clock as SimulatedClock;
        _journal = setup.Journal ?? throw new ArgumentException("Journal is required", nameof(setup));
        _signals = setup.Signals ?? throw new ArgumentException("Signals is required", nameof(setup));
        var orders = setup.Orders ?? throw new ArgumentException("Orders is required", nameof(setup));
        Run = setup.Run;
        IsReconciling = setup.AwaitReconciliation;
        _symbols = symbols.ToArray();
        _specs = specs;
        long now = NowNs();
        State = setup.State ?? new RuntimeState(_symbols, setup.StartingEquity, now);
        _emitter = new OrderEmitter(orders, _journal, State);
        _features = new FeatureEngine(options.Microstructure, _symbols.Length);
        _kill = KillSwitchPolicy.FromOptions(options.Risk);
        _shadows = new ShadowTradeTracker(_journal, _symbols);
        _ackTimeoutNs = options.Routing.AckTimeoutMs * Ms;
        var symbolOptions = setup.SymbolOptions ?? options.ForSymbol;
        var exchange = options.Exchange.Name;
        _contexts = new SymbolContext[_symbols.Length];
        for (int i = 0; i < _contexts.Length; i++)
        {
            if (!_bySymbol.TryAdd(_symbols[i], i)) throw new ArgumentException($"duplicate symbol {_symbols[i]}", nameof(symbols));
            var book = new OrderBook(specs[i], i, changeLogCapacity: 4096, depthCapacity: exchange == ExchangeName.Binance ? 8192 : 1024);
            IBookSynchronizer sync = setup.BookSynchronizer?.Invoke(book)
                ?? (exchange == ExchangeName.Binance ? new BinanceBookSynchronizer(book) : new BybitBookSynchronizer(book));
            // Binance cannot modify an untriggered algo (conditional) order (binance-usdm.md 4.4): its stop moves by
            // delete + re-place.
            _contexts[i] = new SymbolContext(i, specs[i], symbolOptions(_symbols[i]), book, sync, _emitter, Run,
                stopMovesByReplace: exchange == ExchangeName.Binance);
        }
        BuildGrids(setup, orders);
    }

    /// <summary>The engine incarnation in every client order id.</summary>
    public long Run { get; }

    /// <summary>The last decision sequence number handed out (after a restart: continued above every sequence seen).</summary>
    public long DecisionSequence { get; private set; }

    /// <summary>The engine's state (one writer: this engine).</summary>
    public RuntimeState State { get; }

    /// <summary>The symbol table (index = symbol id).</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>The instrument specs in symbol-id order.</summary>
    public IReadOnlyList<InstrumentSpec> Instruments => _specs;

    /// <summary>Every order sent and not yet terminal, and the journal of orders sent.</summary>
    public OrderEmitter Orders => _emitter;

    /// <summary>The kill switch's rules.</summary>
    public KillSwitchPolicy KillSwitch => _kill;

    /// <summary>The shadow trades of blocked entries.</summary>
    public ShadowTradeTracker Shadows => _shadows;

    /// <summary>The features of every symbol.</summary>
    public FeatureEngine Features => _features;

    /// <summary>True while new entries are halted by the host (stale feed, stalled loop, shutdown).</summary>
    public bool IsHalted { get; private set; }

    /// <summary>Order updates and fills for orders this engine never sent.</summary>
    public long UnknownReports { get; private set; }

    /// <summary>The id of <paramref name="symbol"/> in the symbol table, or -1.</summary>
    public int SymbolId(string symbol) => _bySymbol.TryGetValue(symbol, out int id) ? id : -1;

    /// <summary>The engine's book of a symbol (what the strategy sees, after the feed delay).</summary>
    public OrderBook Book(int symbolId) => _contexts[symbolId].Book;

    /// <summary>The book synchronizer of a symbol: the market-data service asks it whether a snapshot is needed.</summary>
    public IBookSynchronizer Synchronizer(int symbolId) => _contexts[symbolId].Sync;

    /// <summary>The entry router of a symbol.</summary>
    public EntryRouter Router(int symbolId) => _contexts[symbolId].Router;

    /// <summary>The position and bracket manager of a symbol.</summary>
    public BracketManager Brackets(int symbolId) => _contexts[symbolId].Brackets;

    /// <summary>The latest fused result of a symbol (a live buffer; copy it to keep it).</summary>
    public FusionResult LastFusion(int symbolId) => _contexts[symbolId].Fusion;

    /// <summary>Time-based transitions at <paramref name="nowNs"/>: reprice timeouts, time stops, unanswered orders, retries, shadow time stops, day roll.</summary>
    public void OnTimer(long nowNs) => RunTimeWork(nowNs);

    /// <summary>Trips the kill switch by command (Telegram /kill, CLI). Returns false when it was already tripped.</summary>
    public bool Kill(string? detail = null) => TripKillSwitch(KillSwitchReason.Manual, detail);

    /// <summary>Trips the kill switch for a fault the host detected (data fault, reconciliation). Returns false when already tripped.</summary>
    public bool ReportFault(KillSwitchReason reason, string? detail = null) => TripKillSwitch(reason, detail);

    /// <summary>Resumes trading after a trip: the explicit act that resets the kill switch. Returns false when it was not tripped.</summary>
    public bool Resume() => _kill.Resume(State, NowNs());

    /// <summary>Halts (or un-halts) new entries without tripping the kill switch (the heartbeat's stale-feed rule).</summary>
    public void SetHalted(bool halted) => IsHalted = halted;

    /// <summary>Graceful stop: no new entries, working entry orders cancelled, protective orders left in place.</summary>
    public void BeginShutdown()
    {
        IsHalted = true;
        long now = NowNs();
        foreach (var ctx in _contexts)
        {
            ctx.Router.Abort(now);
            if (ctx.Grid is { } grid) OnGridMarket(ctx, grid); // the Halted gate: the grid cancels its levels, keeps its take-profits
        }
    }

    private long NowNs() => _simClock?.NowNs ?? _clock.GetUnixTimeNs();

    private bool TripKillSwitch(KillSwitchReason reason, string? detail)
    {
        long now = NowNs();
        if (!_kill.Trip(State, reason, now, detail)) return false;
        OnKillTripped(now);
        return true;
    }

    private void OnKillTripped(long nowNs)
    {
        foreach (var ctx in _contexts)
        {
            ctx.Router.Abort(nowNs);
            ctx.Grid?.OnKillSwitch();
            if (_kill.FlattenOnKill && ctx.Brackets.HasPosition) ctx.Brackets.RequestExit(ExitReason.KillSwitch, nowNs);
        }
    }

    private void RunTimeWork(long nowNs)
    {
        _lastTimeWorkNs = nowNs;
        if (IsReconciling) CheckReconciled();
        State.OnTime(nowNs);
        foreach (var ctx in _contexts)
        {
            ctx.Router.OnTimer(nowNs);
            ctx.Brackets.OnTimer(nowNs);
            AfterExecution(ctx, nowNs);
        }
        _emitter.CancelUnanswered(nowNs, _ackTimeoutNs);
        _shadows.OnTime(nowNs);
    }

    private void RunDueTimeWork(long nowNs)
    {
        if (nowNs - _lastTimeWorkNs >= TimeWorkIntervalNs) RunTimeWork(nowNs);
    }

    private void AfterExecution(SymbolContext ctx, long nowNs)
    {
        var brackets = ctx.Brackets;
        if (!brackets.HasPosition) return;
        if (_kill.MustFlatten(State)) brackets.RequestExit(ExitReason.KillSwitch, nowNs);
        brackets.Reconcile(nowNs);
        if (brackets.ProtectionFailed && !State.KillSwitch.IsTripped)
        {
            if (_kill.Trip(State, KillSwitchReason.Reconciliation, nowNs, ctx.Symbol + ": exits keep failing")) OnKillTripped(nowNs);
        }
    }
}
