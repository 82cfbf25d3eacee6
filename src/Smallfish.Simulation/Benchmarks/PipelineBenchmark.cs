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
/// features, 13 signals, fusion, risk, router, brackets), on one thread. One untimed warm-up run, then
/// <c>repeat</c> timed runs; in each, events per second and bytes allocated per event are taken over the steady
/// part of the run (after its first 65,536 events), so set-up and warm-up do not count.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>Replays <paramref name="caches"/> (recordings, one symbol each, symbol id = index) through <paramref name="strategy"/>.</summary>
    public static Measurement Run(IReadOnlyList<(InstrumentSpec Instrument, byte[] Recording)> caches, SmallfishOptions options,
        Func<BacktestContext, IBacktestStrategy> strategy, ExchangeName exchange, BookSyncMode bookSync, int repeat)
    {
        ArgumentNullException.ThrowIfNull(caches);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        var request = new BacktestRunRequest
        {
            Profile = options.Mode.ToString().ToLowerInvariant(),
            Options = options,
            Instruments = caches.Select(c => c.Instrument).ToList(),
            OpenStream = () => new EventMerger(caches.Select((c, i) => (IOrderedEventSource)RecordingEventSource.FromBytes(c.Recording, [i])).ToList()),
            Strategy = strategy,
            StartingEquity = 1000m,
            Exchange = exchange,
            Venue = VenueDefaults.For(exchange, bookSync, 1000m, options.Risk.Leverage),
            BookSync = bookSync,
        };
        BacktestRunner.Run(request);

        long events = 0, allocated = 0;
        double seconds = 0, cpu = 0;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeat; r++)
        {
            long startEvents = -1, startAlloc = 0, startTicks = 0, endEvents = 0, endAlloc = 0, endTicks = 0;
            TimeSpan startCpu = default, endCpu = default;
            var timed = request with
            {
                Progress = (n, _) =>
                {
                    if (startEvents < 0)
                    {
                        process.Refresh();
                        startCpu = process.TotalProcessorTime;
                        startEvents = n;
                        startAlloc = GC.GetAllocatedBytesForCurrentThread();
                        startTicks = Stopwatch.GetTimestamp();
                        return;
                    }
                    endTicks = Stopwatch.GetTimestamp();
                    endAlloc = GC.GetAllocatedBytesForCurrentThread();
                    endEvents = n;
                    process.Refresh();
                    endCpu = process.TotalProcessorTime;
                },
            };
            BacktestRunner.Run(timed);
            if (startEvents < 0 || endEvents <= startEvents) throw new InvalidOperationException("the stream is too short to measure (fewer than 131,072 events)");
            events += endEvents - startEvents;
            allocated += endAlloc - startAlloc;
            seconds += Stopwatch.GetElapsedTime(startTicks, endTicks).TotalSeconds;
            cpu += (endCpu - startCpu).TotalSeconds;
        }
        return new Measurement("full pipeline from the event cache", "events", events, 1, seconds, cpu, allocated);
    }
}
