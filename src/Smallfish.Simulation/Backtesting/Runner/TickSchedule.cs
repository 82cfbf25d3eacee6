using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// The run's two time grids, driven from the replay loop: the strategy's timer (<see cref="IBacktestStrategy.OnTimer"/>)
/// and the equity samples. Before each market event the grid points due are released in time order, each after the
/// timeline has run up to it (so commands and reports due earlier have landed and the clock reads the grid time).
/// Grid points more than <see cref="GapNs"/> after the last market event are skipped: a recording that stops for hours
/// or days (two sessions in one stream) is a data gap, not hours of a market in which nothing happened, and ticking
/// through it would cost millions of idle calls. The first tick after a gap comes at the next grid point.
/// </summary>
internal sealed class TickSchedule
{
    /// <summary>A pause in the data longer than this is a gap: 60 s.</summary>
    public const long GapNs = 60_000_000_000L;

    private readonly SimulatedExchange _exchange;
    private readonly long _timerInterval;
    private readonly long _equityInterval;
    private readonly Action<long> _onTimer;
    private readonly Action<long> _onEquity;
    private long _nextTimer;
    private long _nextEquity;
    private long _lastEventNs;

    public TickSchedule(SimulatedExchange exchange, long startNs, long timerIntervalNs, long equityIntervalNs, Action<long> onTimer, Action<long> onEquity)
    {
        _exchange = exchange;
        _timerInterval = timerIntervalNs;
        _equityInterval = equityIntervalNs;
        _onTimer = onTimer;
        _onEquity = onEquity;
        _nextTimer = startNs + timerIntervalNs;
        _nextEquity = startNs + equityIntervalNs;
        _lastEventNs = startNs;
    }

    /// <summary>Grid points skipped in data gaps.</summary>
    public long SkippedTicks { get; private set; }

    /// <summary>
    /// Releases every grid point at or before <paramref name="untilNs"/> (a tick due at the same nanosecond as a market
    /// event comes first, as a clock timer would fire first).
    /// </summary>
    public void RunUntil(long untilNs)
    {
        while (true)
        {
            long next = Math.Min(_nextTimer, _nextEquity);
            if (next > untilNs) return;
            if (next > _lastEventNs + GapNs)
            {
                long t = Align(_nextTimer, untilNs, _timerInterval), e = Align(_nextEquity, untilNs, _equityInterval);
                SkippedTicks += (t - _nextTimer) / _timerInterval;
                _nextTimer = t;
                _nextEquity = e;
                // The gap ends with the event at untilNs: points aligned onto it are due like any other (without this a
                // point landing exactly on that event would be taken for a gap point again and again, for ever).
                _lastEventNs = untilNs;
                continue;
            }
            _exchange.Timeline.RunUntil(next);
            if (next == _nextTimer)
            {
                _onTimer(next);
                _nextTimer += _timerInterval;
                // The tick is handled completely before the next event, as the service's loop handles its timer input:
                // what it sent with no delay is matched and reported now, before a market event of the same nanosecond.
                _exchange.Timeline.RunThrough(next);
            }
            if (next == _nextEquity)
            {
                _onEquity(next);
                _nextEquity += _equityInterval;
            }
        }
    }

    /// <summary>Notes that a market event at <paramref name="exchTsNs"/> was replayed.</summary>
    public void EventReplayed(long exchTsNs)
    {
        if (exchTsNs > _lastEventNs) _lastEventNs = exchTsNs;
    }

    // The first point of the grid through `from` with step `step` that is at or after `target`.
    private static long Align(long from, long target, long step) => from >= target ? from : from + ((target - from + step - 1) / step * step);
}
