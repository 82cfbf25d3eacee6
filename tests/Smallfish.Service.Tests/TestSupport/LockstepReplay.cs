using Smallfish.Core.Time;
using Smallfish.Service.Engine;
using Smallfish.Simulation.Cache;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// Feeds a recorded stream into the service's <see cref="EngineLoop"/> in lockstep on a <see cref="SimulatedClock"/>:
/// the loop's timer grid (every <c>EngineTimerMs</c> from the start) and the events are released in time order, a
/// tick due at an event's nanosecond first, the clock set to each one's time, and the next one only after the loop
/// has drained (<see cref="EngineLoop.DrainAsync"/>). Each event arrives with its receive time stamped by the clock
/// (a zero-latency feed), as the backtest's feed stamps it. Ticks more than 60 s after the last event are skipped as the
/// backtest's tick schedule skips them (a data gap).
/// </summary>
internal sealed class LockstepReplay(EngineLoop loop, SimulatedClock clock, long startNs, long timerNs)
{
#pragma warning disable CS9124 // startNs only seeds the two fields
    private const long GapNs = 60 * TimeProviderExtensions.NsPerSecond;
    private long _nextTick = startNs + timerNs;
    private long _lastEventNs = startNs;
#pragma warning restore CS9124
    private readonly ReceiveStampingSink _sink = new(loop.Market, clock);

    /// <summary>Market events delivered.</summary>
    public long Delivered { get; private set; }

    /// <summary>Replays <paramref name="source"/> to its end, then ticks on for <paramref name="finishHorizonNs"/>.</summary>
    public async Task RunAsync(IOrderedEventSource source, long finishHorizonNs)
    {
        long last = _lastEventNs;
        while (source.TryPeekTime(out long ts))
        {
            await TicksThroughAsync(ts);
            clock.AdvanceTo(ts);
            source.DeliverNext(_sink);
            Delivered++;
            if (ts > _lastEventNs) _lastEventNs = ts;
            last = Math.Max(last, ts);
            await loop.DrainAsync();
        }

        await TicksThroughAsync(Math.Max(last, clock.NowNs) + finishHorizonNs);
    }

    private async Task TicksThroughAsync(long untilNs)
    {
        while (_nextTick <= untilNs)
        {
            if (_nextTick > _lastEventNs + GapNs)
            {
                _nextTick += (untilNs - _nextTick + timerNs - 1) / timerNs * timerNs;
                _lastEventNs = untilNs;
                continue;
            }

            clock.AdvanceTo(_nextTick);
            await loop.DrainAsync();
            _nextTick += timerNs;
        }
    }
}
