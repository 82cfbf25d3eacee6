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
/// before each loop input; the market events the engine gets reach the venue first, and the venue's reports, released
/// while the timeline runs, go straight into the engine on that same thread. Nothing is sent anywhere.
/// </summary>
public sealed class PaperVenueDriver
{
    private readonly TimeProvider _clock;
    private readonly SimulatedClock _venueClock;

    /// <summary>Creates the venue for <paramref name="instruments"/> (symbol-id order) with <paramref name="options"/>.</summary>
    public PaperVenueDriver(IReadOnlyList<InstrumentSpec> instruments, SimulatedVenueOptions options, TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _venueClock = new SimulatedClock(clock.GetUnixTimeNs());
        Timeline = new SimulationTimeline(_venueClock);
        Venue = new SimulatedVenue(instruments, Timeline, options);
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

    /// <summary>Advances, then lets the venue see the book message.</summary>
    public void OnBook(BookUpdate update)
    {
        Advance();
        Venue.OnBook(update);
    }

    /// <summary>Advances, then lets the venue see the trade.</summary>
    public void OnTrade(in TradeEvent trade)
    {
        Advance();
        Venue.OnTrade(trade);
    }

    /// <summary>Advances, then lets the venue see the quote.</summary>
    public void OnBbo(in BboEvent bbo)
    {
        Advance();
        Venue.OnBbo(bbo);
    }

    /// <summary>Advances, then lets the venue see the ticker.</summary>
    public void OnTicker(in TickerEvent ticker)
    {
        Advance();
        Venue.OnTicker(ticker);
    }
}
