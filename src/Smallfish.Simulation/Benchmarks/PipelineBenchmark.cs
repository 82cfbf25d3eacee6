using System.Diagnostics;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// The full backtest pipeline from the binary event cache: cache decode, k-way merge, simulated exchange (venue book
/// and matching, feed delay, timeline and clock), and the strategy behind the seam (the trading engine: book,
/// features, 13 signals, fusion, risk, router, brackets), on one thread. One untimed warm-up run, then one timed
/// run that replays the stream <c>1 + repeat</c> times back to back (<see cref="RepeatedSource"/>): events per second
/// and bytes allocated per event are taken over the repetitions after the first, so set-up, warm-up and the growth of
/// pools and queues to their working size do not count.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>Replays <paramref name="caches"/> (recordings, one symbol each, symbol id = index) through <paramref name="strategy"/>.</summary>
    public static Measurement Run(IReadOnlyList<(InstrumentSpec Instrument, byte[] Recording)> caches, SmallfishOptions options,
        Func<BacktestContext, IBacktestStrategy> strategy, ExchangeName exchange, BookSyncMode bookSync, int repeat)
    {
        ArgumentNullException.ThrowIfNull(caches);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        IOrderedEventSource Open() => new EventMerger(caches.Select((c, i) => (IOrderedEventSource)RecordingEventSource.FromBytes(c.Recording, [i])).ToList());
        long perPass, firstNs, lastNs;
        using (var probe = Open())
        {
            probe.TryPeekTime(out firstNs);
            perPass = ((EventMerger)probe).DrainTo(NullEventSink.Instance);
            lastNs = ((EventMerger)probe).LastTsNs;
        }
        var request = new BacktestRunRequest
        {
            Profile = options.Mode.ToString().ToLowerInvariant(),
            Options = options,
            Instruments = caches.Select(c => c.Instrument).ToList(),
            OpenStream = Open,
            Strategy = strategy,
            StartingEquity = 1000m,
            Exchange = exchange,
            Venue = VenueDefaults.For(exchange, bookSync, 1000m, options.Risk.Leverage),
            BookSync = bookSync,
            EquityIntervalNs = BacktestRunRequest.EquityIntervalFor(lastNs - firstNs),
            // one engine for the whole measurement: sessions would rebuild it at every gap between the recorded windows
            SessionGapNs = long.MaxValue,
        };
        BacktestRunner.Run(request);

        long events = 0, allocated = 0;
        double seconds = 0, cpu = 0;
        var reused = caches.Select((c, i) => RecordingEventSource.FromBytes(c.Recording, [i])).ToArray();
        try
        {
            long startEvents = -1, startAlloc = 0, startTicks = 0, endEvents = 0, endAlloc = 0, endTicks = 0;
            TimeSpan startCpu = default, endCpu = default;
            var timed = request with
            {
                // The recordings shift their own timestamps (the decoder adds the offset), so no event is copied to
                // move it: the harness adds nothing per event to what is measured.
                OpenStream = () => new RepeatedSource(shift =>
                {
                    foreach (var r in reused) r.Rewind(shift);
                    return new EventMerger(reused, ownsSources: false);
                }, 1 + repeat, firstNs, lastNs),
                Progress = (n, _) =>
                {
                    // The runner reports once more after the stream, having run the finish horizon and summed the
                    // session's results; that call is not part of the replay and must not end the window.
                    if (n < perPass || n >= perPass * (1 + repeat)) return;
                    // Environment.CpuUsage reads the process times without allocating (Process.Refresh allocates,
                    // and at one call per 65,536 events that alone showed up as 0.016 bytes/event).
                    if (startEvents < 0)
                    {
                        startCpu = Environment.CpuUsage.TotalTime;
                        startEvents = n;
                        startAlloc = GC.GetAllocatedBytesForCurrentThread();
                        startTicks = Stopwatch.GetTimestamp();
                        return;
                    }
                    endTicks = Stopwatch.GetTimestamp();
                    endAlloc = GC.GetAllocatedBytesForCurrentThread();
                    endEvents = n;
                    endCpu = Environment.CpuUsage.TotalTime;
                },
            };
            BacktestRunner.Run(timed);
            if (startEvents < 0 || endEvents <= startEvents) throw new InvalidOperationException("the stream is too short to measure");
            events += endEvents - startEvents;
            allocated += endAlloc - startAlloc;
            seconds += Stopwatch.GetElapsedTime(startTicks, endTicks).TotalSeconds;
            cpu += (endCpu - startCpu).TotalSeconds;
        }
        finally
        {
            foreach (var r in reused) r.Dispose();
        }
        return new Measurement("full pipeline from the event cache", "events", events, 1, seconds, cpu, allocated);
    }
}
