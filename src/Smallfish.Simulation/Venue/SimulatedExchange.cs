using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue.Feed;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// The exchange as a strategy meets it in a simulation: a <see cref="SimulatedVenue"/> that sees the market at
/// exchange time, a <see cref="FeedDelayLine"/> that hands the same events to the strategy after the feed delay, and
/// the <see cref="SimulationTimeline"/> that moves the clock and releases everything in time order. A replay reader
/// pushes the recorded stream into this object (it is an <see cref="IMarketEventSink"/>); the engine sends its
/// commands to <see cref="Orders"/>.
/// </summary>
/// <remarks>
/// For each market event stamped T: everything due before T runs (commands reach the venue, reports reach the engine,
/// earlier market events reach the strategy, clock timers fire), the clock moves to T, the venue applies the event,
/// the event is queued for the strategy at T + feed delay, and everything then due at T runs (with a zero feed delay:
/// the strategy's handling of the event and the zero-delay commands and reports it causes) before the next event, even
/// one stamped the same nanosecond. Call <see cref="Finish"/> after the last event so
/// commands and reports still in flight land.
/// </remarks>
public sealed class SimulatedExchange : IMarketEventSink
{
    /// <summary>Default time <see cref="Finish"/> runs past the last event: one minute.</summary>
    public const long DefaultFinishHorizonNs = 60 * TimeProviderExtensions.NsPerSecond;

    /// <summary>Creates the simulation over <paramref name="clock"/>.</summary>
    public SimulatedExchange(IReadOnlyList<InstrumentSpec> instruments, SimulatedClock clock, SimulatedVenueOptions? options = null)
    {
        options ??= new SimulatedVenueOptions();
        Timeline = new SimulationTimeline(clock);
        Venue = new SimulatedVenue(instruments, Timeline, options);
        Feed = new FeedDelayLine(Timeline, options.Latency);
    }

    /// <summary>The timeline (and through it the clock).</summary>
    public SimulationTimeline Timeline { get; }

    /// <summary>The matching engine.</summary>
    public SimulatedVenue Venue { get; }

    /// <summary>The delayed market feed to the strategy.</summary>
    public FeedDelayLine Feed { get; }

    /// <summary>Where the engine sends its commands.</summary>
    public IOrderCommands Orders => Venue;

    /// <summary>Exchange time of the latest market event pushed in, ns.</summary>
    public long LastEventNs { get; private set; } = long.MinValue;

    /// <summary>Connects the strategy's market sink and the engine's execution (and funding) sinks.</summary>
    public void Connect(IMarketEventSink strategy, IExecutionSink executions, IFundingSink? funding = null)
    {
        Feed.Connect(strategy);
        Venue.Connect(executions, funding);
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        Enter(update.ExchTsNs);
        Venue.OnBook(update);
        Feed.OnBook(update);
        Settle();
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        Enter(trade.ExchTsNs);
        Venue.OnTrade(trade);
        Feed.OnTrade(trade);
        Settle();
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        Enter(bbo.ExchTsNs);
        Venue.OnBbo(bbo);
        Feed.OnBbo(bbo);
        Settle();
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        Enter(ticker.ExchTsNs);
        Venue.OnTicker(ticker);
        Feed.OnTicker(ticker);
        Settle();
    }

    /// <summary>Runs the timeline <paramref name="horizonNs"/> past the last event so in-flight commands and reports land.</summary>
    public void Finish(long horizonNs = DefaultFinishHorizonNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizonNs);
        long end = LastEventNs == long.MinValue ? Timeline.NowNs : Math.Max(LastEventNs, Timeline.NowNs);
        Timeline.RunThrough(end + horizonNs);
    }

    // Everything due at the event's own nanosecond runs now: with no feed delay the strategy handles the event, and the
    // commands it sends with no entry delay are matched and reported, before the next market event (even one stamped
    // the same nanosecond) reaches the venue. The engine loop of the service handles one event completely before the
    // next, so this is the same order (docs/reliability.md, "Parity"). With delays nothing extra is due yet.
    private void Settle() => Timeline.RunThrough(Timeline.NowNs);

    private void Enter(long exchTsNs)
    {
        Timeline.RunUntil(exchTsNs);
        if (exchTsNs > LastEventNs) LastEventNs = exchTsNs;
    }
}
