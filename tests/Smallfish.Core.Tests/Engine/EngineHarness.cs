using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// The engine wired to a simulated exchange and clock, as the backtest wires it: hand-made Bybit-sequenced books and
/// trades go in at exchange time, the engine sees them after the feed delay, its commands reach the venue after the
/// entry delay and the reports come back after the response delay; a 10 ms clock timer drives
/// <see cref="TradingEngine.OnTimer"/>. The signals are scripted. Prices in ticks of 0.1 (1000 = 100.0), sizes in
/// whole lots, one symbol unless told otherwise.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    public const long Ms = TimeProviderExtensions.NsPerMs;
    public const long Second = TimeProviderExtensions.NsPerSecond;

    /// <summary>2024-01-01 09:00:00 UTC: an hour after the 08:00 funding, far from the next.</summary>
    public const long T0 = 1_704_099_600L * Second;

    public const string Symbol = "TESTUSDT";

    private readonly BookUpdate _buffer = new();
    private readonly long[] _updateIds;
    private ITimer _timer;

    public EngineHarness(Action<SmallfishOptions>? configure = null, SimulatedVenueOptions? venue = null, long start = T0, params InstrumentSpec[] extra)
    {
        var specs = new List<InstrumentSpec> { Spec };
        specs.AddRange(extra);
        Options = DefaultOptions(specs);
        configure?.Invoke(Options);
        Clock = new SimulatedClock(start - Second);
        Exchange = new SimulatedExchange(specs, Clock, venue ?? DefaultVenue);
        Orders = new RecordingOrders(Exchange.Orders, Clock);
        Signals = new ScriptedEvaluator(specs.Count);
        Specs = specs;
        Engine = EngineBuilder.Build(Setup(FirstRun));
        Checker = new ProtectionCheckingSink(Engine);
        Tap = new ExecutionTap { Target = Checker };
        Exchange.Connect(Engine, Tap, Tap);
        _updateIds = new long[specs.Count];
        _timer = StartTimer();
    }

    /// <summary>The run of the first engine.</summary>
    public const long FirstRun = 7;

    /// <summary>Tick 0.1, step 1, min qty 1, min notional 5: one lot at 100.0 is 100 USDT.</summary>
    public static InstrumentSpec Spec { get; } = new(Symbol, 0.1m, 1m, 1m, 5m);

    /// <summary>Feed 1 ms, order entry 2 ms, reports 1 ms; Bybit VIP 0 fees; 10 000 USDT.</summary>
    public static SimulatedVenueOptions DefaultVenue { get; } = new()
    {
        Latency = new ConstantLatencyModel(1 * Ms, 2 * Ms, 1 * Ms),
        InitialBalance = 10_000m,
    };

    public SmallfishOptions Options { get; }

    public SimulatedClock Clock { get; }

    public SimulatedExchange Exchange { get; }

    public SimulatedVenue Venue => Exchange.Venue;

    public RecordingOrders Orders { get; }

    public InMemoryJournal Journal { get; } = new();

    public ScriptedEvaluator Signals { get; }

    public IReadOnlyList<InstrumentSpec> Specs { get; }

    public TradingEngine Engine { get; private set; }

    public ProtectionCheckingSink Checker { get; private set; }

    /// <summary>Between the venue and the engine: keeps every execution the venue reported (its executions history).</summary>
    public ExecutionTap Tap { get; }

    public long Now => Clock.NowNs;

    /// <summary>
    /// Options for the tests: the defaults with a fixed 10-tick stop (1R = 1 USDT per lot, so 1.5 % of 10 000 is
    /// 150 lots), no trailing, and the symbol's instrument grid.
    /// </summary>
    public static SmallfishOptions DefaultOptions(IReadOnlyList<InstrumentSpec> specs)
    {
        var o = new SmallfishOptions();
        foreach (var s in specs)
        {
            o.Symbols.Add(s.Symbol);
            o.Instruments[s.Symbol] = new InstrumentOptions { TickSize = s.TickSize, QtyStep = s.QtyStep, MinQty = s.MinQty, MinNotional = s.MinNotional };
        }
        o.Risk.Stop = new StopPlacementOptions { MinTicks = 10, MinBps = 0, MaxBps = 1000, VolatilityMultiple = 0 };
        o.Risk.Trailing.Enabled = false;
        o.Risk.DrawdownTiers = [new DrawdownTierOptions { DrawdownPct = 50, SizeMultiplier = 0 }];
        return o;
    }

    // ---- market stream ----

    /// <summary>A full book at <paramref name="ts"/>: <paramref name="depth"/> levels each side from the touch, 100 lots each (Bybit snapshot).</summary>
    public void Quote(long ts, long bid, long ask, long bidLots = 100, long askLots = 100, int depth = 30, int symbolId = 0)
    {
        _buffer.Reset();
        _buffer.SymbolId = symbolId;
        _buffer.Kind = BookUpdateKind.Snapshot;
        _buffer.LastUpdateId = ++_updateIds[symbolId];
        _buffer.ExchTsNs = ts;
        for (int i = 0; i < depth; i++)
        {
            _buffer.Bids.Add(bid - i, bidLots);
            _buffer.Asks.Add(ask + i, askLots);
        }
        Exchange.OnBook(_buffer);
    }

    public void Trade(long ts, long px, long qty, Side aggressor, int symbolId = 0) =>
        Exchange.OnTrade(new TradeEvent(symbolId, ts, 0, px, qty, aggressor));

    public void Ticker(long ts, long nextFundingNs, int symbolId = 0) =>
        Exchange.OnTicker(new TickerEvent(symbolId, ts, 0, 100, 100, 100, 0.0001, nextFundingNs, 0, 0));

    /// <summary>
    /// Runs the simulation through <paramref name="ts"/> (deliveries, commands, reports, timers), a millisecond at a
    /// time: the timeline fires every clock timer of a quiet stretch in one go, so a command a timer sends would
    /// otherwise only reach the venue at the end of the stretch.
    /// </summary>
    public void RunThrough(long ts)
    {
        for (long t = Math.Min(ts, Now + Ms); t < ts; t += Ms) Exchange.Timeline.RunThrough(t);
        Exchange.Timeline.RunThrough(ts);
    }

    // ---- common moves ----

    /// <summary>Wants a buy at <paramref name="ts"/> on a 999/1000 book and lets the post-only entry reach the venue.</summary>
    public void StartLongAt999(long ts, double confidence = 0.8)
    {
        Quote(ts, 999, 1000);
        RunThrough(ts + 2 * Ms);
        Signals.Want(+1, confidence);
        Trade(ts + 3 * Ms, 1000, 1, Side.Buy); // an event for the engine to decide on
        RunThrough(ts + 10 * Ms);
    }

    /// <summary>Fills the resting buy at 999: sellers hit the bid through the queue (100 ahead) and then our size.</summary>
    public void SellersHitBid(long ts, long lots, long price = 999) => Trade(ts, price, lots, Side.Sell);

    /// <summary>An open long of 150 lots at 99.9 with its bracket placed (stop 98.9, take-profit 101.9).</summary>
    public void OpenLong(long ts)
    {
        StartLongAt999(ts);
        Signals.Hold(+1, 0.7);
        SellersHitBid(ts + 20 * Ms, 250);
        RunThrough(ts + 40 * Ms);
    }

    public TradeResult LastTrade => Journal.Trades[^1];

    // ---- crash and restart ----

    /// <summary>
    /// SIGKILL: the engine object is dropped without any shutdown. Its timer stops, and the venue's reports and market
    /// events no longer reach it (the venue keeps matching; its executions stay in <see cref="Tap"/>).
    /// </summary>
    public void Crash()
    {
        _timer.Dispose();
        Tap.Target = null;
        Exchange.Connect(NullMarketSink.Instance, Tap, Tap);
    }

    /// <summary>A new engine on the same venue, journal and command recorder, as the service builds it at a restart.</summary>
    public TradingEngine Restart(long run, Action<SmallfishOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Engine = EngineBuilder.Build(Setup(run) with { AwaitReconciliation = true });
        Checker = new ProtectionCheckingSink(Engine);
        Tap.Target = Checker;
        Exchange.Connect(Engine, Tap, Tap);
        _timer = StartTimer();
        return Engine;
    }

    private EngineSetup Setup(long run) => new()
    {
        Options = Options,
        Clock = Clock,
        Orders = Orders,
        Journal = Journal,
        Signals = Signals,
        Run = run,
        StartingEquity = 10_000m,
        Instruments = new InstrumentCatalog(Specs),
    };

    private ITimer StartTimer() =>
        Clock.CreateTimer(_ => Engine.OnTimer(Clock.NowNs), null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));

    public void Dispose() => _timer.Dispose();
}
