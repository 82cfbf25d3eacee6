using System.Diagnostics;
using Smallfish.Core.Time;
using Smallfish.Emulator;
using Smallfish.Service.Engine;
using Smallfish.Service.Trading;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// Drives the service on the venue emulator in lockstep on one <see cref="SimulatedClock"/> (docs/reliability.md,
/// "Parity through the emulator"): for each recorded event, and each engine timer tick (every <c>EngineTimerMs</c>
/// from the start, a tick due at an event's nanosecond first, ticks more than 60 s after the last event skipped, as the
/// backtest's tick schedule does), the clock is set to its time and the emulator releases it
/// (<see cref="Emulator.Feed.MarketFeedDriver.Step()"/>); then the driver waits until the service is quiescent before the
/// next input: every frame the emulator queued has been received and handled by the service's stream consumers, every
/// order command is answered (<see cref="IExchangeTraffic"/>), and the engine loop is drained
/// (<see cref="EngineLoop.DrainAsync"/>); repeatedly, until two drains in a row find nothing new.
/// </summary>
internal sealed class EmulatorLockstep(VenueEmulator emulator, EngineLoop loop, IReadOnlyList<IExchangeTraffic> traffic, SimulatedClock clock,
    SubscribedStream stream, long startNs, long timerNs)
{
#pragma warning disable CS9124 // startNs only seeds the two fields
    private const long GapNs = 60 * TimeProviderExtensions.NsPerSecond;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);
    private long _nextTick = startNs + timerNs;
    private long _lastEventNs = startNs;
#pragma warning restore CS9124

    /// <summary>Recorded events released.</summary>
    public long Delivered { get; private set; }

    /// <summary>Loop drains it took in all.</summary>
    public long Drains { get; private set; }

    /// <summary>Replays the stream to its end, then ticks on for <paramref name="finishHorizonNs"/>.</summary>
    public async Task RunAsync(long finishHorizonNs)
    {
        emulator.HoldFrames();
        long last = _lastEventNs;
        while (stream.TryPeekTime(out long ts))
        {
            await TicksThroughAsync(ts);
            clock.AdvanceTo(ts);
            Assert.That(emulator.Feed.Step(), Is.True, "the emulator's feed has the event the stream announced");
            Delivered++;
            if (ts > _lastEventNs) _lastEventNs = ts;
            last = Math.Max(last, ts);
            await SettleAsync();
        }

        await TicksThroughAsync(Math.Max(last, clock.NowNs) + finishHorizonNs);
    }

    /// <summary>
    /// Settles an input. With the emulator holding its frames (<see cref="VenueEmulator.HoldFrames"/>), in the order a
    /// backtest's engine sees an input's consequences: first the account reports it caused at the venue, then its
    /// market frames, then, round after round, the reports of the commands those caused.
    /// </summary>
    public async Task SettleAsync()
    {
        emulator.ReleaseFrames(EmulatorStreamKind.Private);
        await SettleIoAsync();
        emulator.ReleaseFrames(EmulatorStreamKind.Public);
        await SettleIoAsync();
        while (emulator.HeldFrames > 0)
        {
            emulator.ReleaseFrames(EmulatorStreamKind.All);
            await SettleIoAsync();
        }
    }

    /// <summary>Waits until the service has handled everything the emulator sent and the loop is drained (see the type).</summary>
    private async Task SettleIoAsync()
    {
        var watch = Stopwatch.StartNew();
        int quiet = 0;
        while (quiet < 2)
        {
            WaitForIo(watch);
            long beat = loop.Counters.Beat;
            long queued = emulator.Statistics.FramesQueued;
            await loop.DrainAsync();
            Drains++;
            bool nothingNew = loop.Counters.Beat - beat <= 1 && emulator.Statistics.FramesQueued == queued && IoIdle();
            quiet = nothingNew ? quiet + 1 : 0;
        }
    }

    private void WaitForIo(Stopwatch watch)
    {
        var spin = new SpinWait();
        while (!IoIdle())
        {
            if (watch.Elapsed > SettleTimeout)
            {
                Assert.Fail($"the service did not settle within {SettleTimeout.TotalSeconds} s at {clock.NowNs}: emulator queued {emulator.Statistics.FramesQueued} frames, " +
                    $"service received {traffic.Sum(t => t.FramesReceived)} handled {traffic.Sum(t => t.FramesHandled)}, commands in flight {traffic.Sum(t => t.CommandsInFlight)}");
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    private bool IoIdle()
    {
        long handled = 0;
        foreach (IExchangeTraffic t in traffic)
        {
            if (t.CommandsInFlight != 0) return false;
            handled += t.FramesHandled;
        }

        return handled == emulator.Statistics.FramesQueued;
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
            await SettleAsync();
            _nextTick += timerNs;
        }
    }
}
