using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Service.Trading;

/// <summary>
/// Paper trading's venue: the shared fill model (<see cref="SimulatedVenue"/>) inside the service, driven only from the
/// engine loop's thread. Its timeline runs on its own <see cref="SimulatedClock"/>, moved to the service clock's time
/// before each loop input and settled after it (<see cref="Settle"/>). A market event reaches the venue first and then the
/// engine as an event of the venue's timeline, so the order is the backtest's with no delays: the reports the event
/// triggered, the event, then the commands the engine sent and their reports, all within the one loop input and on the
/// loop's thread. Nothing is sent anywhere.
/// </summary>
public sealed class PaperVenueDriver
{
    private readonly TimeProvider _clock;
    private readonly SimulatedClock _venueClock;
    private readonly PaperEngineDelivery _delivery = new();

    /// <summary>Creates the venue for <paramref name="instruments"/> (symbol-id order) with <paramref name="options"/>.</summary>
    public PaperVenueDriver(IReadOnlyList<InstrumentSpec> instruments, SimulatedVenueOptions options, TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _venueClock = new SimulatedClock(clock.GetUnixTimeNs());
        Timeline = new SimulationTimeline(_venueClock);
        Venue = new SimulatedVenue(instruments, Timeline, options);
        Timeline.Register(_delivery);
    }

    /// <summary>The matching engine (the engine's <see cref="IOrderCommands"/>).</summary>
    public SimulatedVenue Venue { get; }

    /// <summary>The venue's timeline.</summary>
    public SimulationTimeline Timeline { get; }

    /// <summary>Connects the engine's report sinks.</summary>
    public void Connect(IExecutionSink executions, IFundingSink funding) => Venue.Connect(executions, funding);

    /// <summary>Moves the venue to the service clock's time, releasing the commands and reports due by then (loop thread).</summary>
    public void Advance()
    {
        long now = _clock.GetUnixTimeNs();
        if (now > _venueClock.NowNs) Timeline.RunThrough(now);
    }

    /// <summary>
    /// Releases everything due up to and including the service clock's time: run after each engine input, so a command
    /// the engine just sent (zero latency: due now) is matched and its reports reach the engine within the same input,
    /// with the clock still reading the time the command was sent, as in a backtest with zero order latency. Without
    /// it, a command sent on a timer tick waited for the next input and its acknowledgement carried that input's time.
    /// </summary>
    public void Settle()
    {
        long now = _clock.GetUnixTimeNs();
        if (now >= _venueClock.NowNs) Timeline.RunThrough(now);
    }

    /// <summary>
    /// Advances, lets the venue apply the book message, then hands it to <paramref name="engine"/> on the venue's timeline
    /// and settles: reports the message triggered reach the engine first, then the message, then what the engine sent.
    /// </summary>
    public void OnBook(BookUpdate update, IMarketEventSink engine)
    {
        Advance();
        Venue.OnBook(update);
        _delivery.Book(update, engine, Timeline.NextKey(_venueClock.NowNs));
        Settle();
    }

    /// <summary>As <see cref="OnBook"/>, for a trade (a stop the trade triggers fills before the engine sees the trade).</summary>
    public void OnTrade(in TradeEvent trade, IMarketEventSink engine)
    {
        Advance();
        Venue.OnTrade(trade);
        _delivery.Trade(trade, engine, Timeline.NextKey(_venueClock.NowNs));
        Settle();
    }

    /// <summary>As <see cref="OnBook"/>, for a quote.</summary>
    public void OnBbo(in BboEvent bbo, IMarketEventSink engine)
    {
        Advance();
        Venue.OnBbo(bbo);
        _delivery.Bbo(bbo, engine, Timeline.NextKey(_venueClock.NowNs));
        Settle();
    }

    /// <summary>As <see cref="OnBook"/>, for a ticker.</summary>
    public void OnTicker(in TickerEvent ticker, IMarketEventSink engine)
    {
        Advance();
        Venue.OnTicker(ticker);
        _delivery.Ticker(ticker, engine, Timeline.NextKey(_venueClock.NowNs));
        Settle();
    }
}
