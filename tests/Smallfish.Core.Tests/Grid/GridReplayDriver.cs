using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Time;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Venue;

namespace Smallfish.Core.Tests.Grid;

/// <summary>
/// Drives the grid alone (no engine, no signals) through a recorded Binance session on the simulated exchange: the
/// venue keeps its own book by Binance's sync rules and fills by the queue model; the strategy keeps its book through
/// the Binance synchronizer and the production feature engine, and the gate only blocks on an invalid book.
/// </summary>
internal sealed class GridReplayDriver : IMarketEventSink, IExecutionSink, IGridRoundTripSink
{
    private readonly BinanceBookSynchronizer _sync;
    private readonly decimal _equity;

    public GridReplayDriver(InstrumentSpec spec, MultigridOptions options, SimulatedVenueOptions venue, decimal equity, long startNs)
    {
        _equity = equity;
        Clock = new SimulatedClock(startNs);
        Exchange = new SimulatedExchange([spec], Clock, venue);
        Commands = new RecordingOrderCommands(Exchange.Orders, () => Clock.NowNs);
        Book = new OrderBook(spec, 0, changeLogCapacity: 4096, depthCapacity: 8192);
        _sync = new BinanceBookSynchronizer(Book);
        Features = new SymbolFeatureEngine(new MicrostructureOptions());
        Grid = new GridStrategy(new GridStrategySettings(options, spec, 0, Run: 1, FlattenOnKill: true), Commands, Gate, Clock, this);
        Exchange.Connect(this, this);
        Spec = spec;
    }

    public InstrumentSpec Spec { get; }

    public SimulatedClock Clock { get; }

    public SimulatedExchange Exchange { get; }

    public RecordingOrderCommands Commands { get; }

    public OrderBook Book { get; }

    public SymbolFeatureEngine Features { get; }

    public StubGridGate Gate { get; } = new();

    public GridStrategy Grid { get; }

    public List<GridRoundTrip> Trips { get; } = new();

    public List<Fill> Fills { get; } = new();

    public long MarketEvents { get; private set; }

    /// <summary>Sequence gaps the strategy's Binance synchronizer saw.</summary>
    public long BookGaps => _sync.GapCount;

    public long PeakVenueLots { get; private set; }

    /// <summary>Streams the recording through the exchange in file (receive) order, then lets in-flight reports land.</summary>
    public ReplayCounters Replay(IReplayReader reader)
    {
        var counters = reader.ReadAll(Exchange);
        Exchange.Finish(TimeProviderExtensions.NsPerSecond);
        return counters;
    }

    public void OnBook(BookUpdate update)
    {
        MarketEvents++;
        _sync.Apply(update);
        Features.OnBook(Book, Clock.NowNs);
        Grid.OnMarket(Features.Features, null, _equity);
    }

    public void OnTrade(in TradeEvent trade)
    {
        MarketEvents++;
        Features.OnTrade(trade, Clock.NowNs);
        Grid.OnMarket(Features.Features, null, _equity);
    }

    public void OnBbo(in BboEvent bbo)
    {
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }

    public void OnOrderUpdate(in OrderUpdate update) => Grid.OnOrderUpdate(update);

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        PeakVenueLots = Math.Max(PeakVenueLots, Math.Abs(Exchange.Venue.GetPosition(Spec.Symbol).NetLots));
        Grid.OnFill(fill);
    }

    public void OnRoundTrip(GridRoundTrip trip) => Trips.Add(trip);
}
