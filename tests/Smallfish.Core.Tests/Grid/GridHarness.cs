using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;

namespace Smallfish.Core.Tests.Grid;

/// <summary>
/// The grid alone on a simulated exchange, the way the engine will drive it: the delayed market feed goes through the
/// strategy's own book and feature engine into <see cref="GridStrategy.OnMarket"/>, the venue's reports go to the grid,
/// and the grid's commands go to the venue through a recorder. Hand-made streams: a market "walks" one tick per event
/// with a book of <see cref="DepthLots"/> lots on every level and a trade at the touch in the direction of travel.
/// Instrument: tick 0.1, 1 lot = 1 unit, so a price of 1000 ticks (100.0) makes 1 lot worth 100 USDT.
/// </summary>
internal sealed class GridHarness : IMarketEventSink, IExecutionSink, IGridRoundTripSink
{
    public const long T0 = 1_704_096_000L * TimeProviderExtensions.NsPerSecond + 3_600L * TimeProviderExtensions.NsPerSecond; // 2024-01-01 09:00 UTC
    public const long Ms = TimeProviderExtensions.NsPerMs;
    public const long StepNs = 100 * Ms;
    public const int Depth = 60;
    public const long DepthLots = 3;
    public const string Symbol = "TESTUSDT";

    private readonly BookUpdate _buffer = new();
    private readonly UncheckedBookSynchronizer _sync;
    private long _ts = T0;

    public GridHarness(MultigridOptions options, SimulatedVenueOptions? venue = null, bool flattenOnKill = true, long startMid = 1000)
    {
        Options = options;
        Clock = new SimulatedClock(T0 - 1000 * Ms);
        Exchange = new SimulatedExchange([Spec], Clock, venue ?? new SimulatedVenueOptions { Fees = MakerTakerFeeModel.BybitVip0 });
        Commands = new RecordingOrderCommands(Exchange.Orders, () => Clock.NowNs);
        Book = new OrderBook(Spec, 0, changeLogCapacity: 4096, depthCapacity: 256);
        _sync = new UncheckedBookSynchronizer(Book);
        Features = new SymbolFeatureEngine(new MicrostructureOptions());
        Grid = new GridStrategy(new GridStrategySettings(options, Spec, 0, Run: 7, flattenOnKill), Commands, Gate, Clock, this);
        Exchange.Connect(this, this);
        Mid = startMid;
    }

    /// <summary>Tick 0.1, step 1, min qty 1, min notional 5.</summary>
    public static InstrumentSpec Spec { get; } = new(Symbol, 0.1m, 1m, 1m, 5m);

    /// <summary>Value of one tick on one lot, USDT.</summary>
    public static decimal TickValue => Spec.TickSize * Spec.QtyStep;

    public MultigridOptions Options { get; }

    public SimulatedClock Clock { get; }

    public SimulatedExchange Exchange { get; }

    public SimulatedVenue Venue => Exchange.Venue;

    public RecordingOrderCommands Commands { get; }

    public OrderBook Book { get; }

    public SymbolFeatureEngine Features { get; }

    public StubGridGate Gate { get; } = new();

    public GridStrategy Grid { get; }

    /// <summary>Fusion result handed to the grid with every market update (null = no bias).</summary>
    public FusionResult? Fusion { get; set; }

    public decimal Equity { get; set; } = 10_000m;

    public long Mid { get; private set; }

    public long Now => _ts;

    public List<Fill> Fills { get; } = new();

    public List<OrderUpdate> Updates { get; } = new();

    public List<GridRoundTrip> Trips { get; } = new();

    /// <summary>Largest absolute net position the venue held after any fill.</summary>
    public long PeakVenueLots { get; private set; }

    public static MultigridOptions Options3x10(Action<MultigridOptions>? change = null)
    {
        var o = new MultigridOptions
        {
            Enabled = true,
            Levels = 3,
            SpacingMode = GridSpacingMode.Ticks,
            SpacingTicks = 10,
            SizePerLevelPct = 2.0, // 200 USDT at 100.0: 2 lots per level
            CenterSource = GridCenterSource.Mid,
            RecenterThresholdLevels = 2.0,
            BiasStrength = 0.0,
            MaxInventoryLevels = 3,
            GridStopPct = 3.0,
        };
        change?.Invoke(o);
        return o;
    }

    // ---- market script ----

    /// <summary>Publishes a two-sided book around <paramref name="mid"/> (bid mid-1, ask mid+1) <paramref name="afterNs"/> later and runs to it.</summary>
    public void Quote(long mid, long afterNs = StepNs)
    {
        Mid = mid;
        _ts += afterNs;
        PushBook(mid - 1, mid + 1);
        Exchange.Timeline.RunThrough(_ts);
    }

    /// <summary>Walks the mid one tick per step to <paramref name="mid"/>; each step a trade of <paramref name="tradeLots"/> hits the touch in the direction of travel.</summary>
    public void WalkTo(long mid, long tradeLots = 4)
    {
        while (Mid != mid)
        {
            long dir = Math.Sign(mid - Mid);
            Mid += dir;
            _ts += StepNs;
            PushBook(Mid - 1, Mid + 1);
            if (tradeLots > 0) Exchange.OnTrade(new TradeEvent(0, _ts, _ts, dir > 0 ? Mid + 1 : Mid - 1, tradeLots, dir > 0 ? Side.Buy : Side.Sell));
            Exchange.Timeline.RunThrough(_ts);
        }
    }

    /// <summary>A trade at <paramref name="price"/> <paramref name="afterNs"/> later.</summary>
    public void TradeAt(long price, long lots, Side aggressor, long afterNs = StepNs)
    {
        _ts += afterNs;
        Exchange.OnTrade(new TradeEvent(0, _ts, _ts, price, lots, aggressor));
        Exchange.Timeline.RunThrough(_ts);
    }

    /// <summary>Runs the timeline <paramref name="ns"/> further without market events.</summary>
    public void Wait(long ns)
    {
        _ts += ns;
        Exchange.Timeline.RunThrough(_ts);
    }

    private void PushBook(long bid, long ask)
    {
        _buffer.Reset();
        _buffer.SymbolId = 0;
        _buffer.Kind = BookUpdateKind.Snapshot;
        _buffer.ExchTsNs = _ts;
        _buffer.LocalTsNs = _ts;
        for (int i = Depth - 1; i >= 0; i--) _buffer.Bids.Add(bid - i, DepthLots);
        for (int i = 0; i < Depth; i++) _buffer.Asks.Add(ask + i, DepthLots);
        Exchange.OnBook(_buffer);
    }

    // ---- strategy side ----

    public void OnBook(BookUpdate update)
    {
        _sync.Apply(update);
        Features.OnBook(Book, Clock.NowNs);
        Grid.OnMarket(Features.Features, Fusion, Equity);
    }

    public void OnTrade(in TradeEvent trade)
    {
        Features.OnTrade(trade, Clock.NowNs);
        Grid.OnMarket(Features.Features, Fusion, Equity);
    }

    public void OnBbo(in BboEvent bbo)
    {
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }

    public void OnOrderUpdate(in OrderUpdate update)
    {
        Updates.Add(update);
        Grid.OnOrderUpdate(update);
    }

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        PeakVenueLots = Math.Max(PeakVenueLots, Math.Abs(Venue.GetPosition(Spec.Symbol).NetLots));
        Grid.OnFill(fill);
    }

    public void OnRoundTrip(GridRoundTrip trip) => Trips.Add(trip);

    /// <summary>A fusion result pointing <paramref name="direction"/> with <paramref name="confidence"/> and the quality gate passed.</summary>
    public static FusionResult Signal(int direction, double confidence) => new() { Direction = direction, Confidence = confidence, QualityOk = true };
}
