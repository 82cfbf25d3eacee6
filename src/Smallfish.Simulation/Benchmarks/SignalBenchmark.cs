using System.Diagnostics;
using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// The signal benchmark hook for <c>smallfish-backtest bench</c>: replays pre-parsed events (<see cref="SignalPipelineEvents"/>)
/// through book + features, through book + features + the 13 scorers + fusion, and (the features of every event captured
/// once) through the scorers + fusion alone, pass after pass, timed with the stopwatch and with the benchmark thread's
/// allocations counted after warm-up. Each pass is shifted in time past the
/// previous one and starts from a reset book (as after a reconnect), so one pipeline runs every pass and steady state is
/// reached. Prints nothing; the caller reports the figures.
/// </summary>
public static class SignalBenchmark
{
    private const int MinWarmupPasses = 5; // enough for the tiered JIT to finish before timing
    private const int MaxWarmupPasses = 10;

    /// <summary>Measures <paramref name="events"/> with <paramref name="options"/> (Microstructure, Signals, Fusion, AdaptiveWeights) over <paramref name="repeat"/> timed passes.</summary>
    public static SignalBenchmarkResult Measure(SignalPipelineEvents events, SmallfishOptions options, int repeat = 3)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        if (events.Count == 0) throw new ArgumentException("no events", nameof(events));

        var features = new Pipeline(events, options, signals: false);
        var (featuresSeconds, featuresBytes) = Time(features.Pass, repeat);
        var full = new Pipeline(events, options, signals: true);
        var (fullSeconds, fullBytes) = Time(full.Pass, repeat);
        var scorers = new ScorerPass(events, options);
        var (signalsSeconds, signalsBytes) = Time(scorers.Pass, repeat);

        double perEvent = 1.0 / ((double)events.Count * repeat);
        return new SignalBenchmarkResult(events.Name, events.Count, repeat, featuresSeconds * 1e9 * perEvent, signalsSeconds * 1e9 * perEvent,
            fullSeconds * 1e9 * perEvent, featuresBytes * perEvent, signalsBytes * perEvent, fullBytes * perEvent, full.LastPassEntries);
    }

    private static (double Seconds, long Bytes) Time(Action pass, int repeat)
    {
        for (int i = 0; i < MaxWarmupPasses; i++)
        {
            long warm = GC.GetAllocatedBytesForCurrentThread();
            pass();
            if (i + 1 >= MinWarmupPasses && GC.GetAllocatedBytesForCurrentThread() == warm) break;
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp(); // static: a Stopwatch instance would be counted as an allocation
        for (int r = 0; r < repeat; r++) pass();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (seconds, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // The 13 scorers and fusion alone, over the features each event produced (captured once, before timing); each pass
    // shifts the features' clock past the previous pass so the scorers' averages and the edge tracker see time move on.
    private sealed class ScorerPass
    {
        private readonly MarketFeatures[] _features;
        private readonly SymbolSignalEngine _signals;
        private readonly FusionResult _result = new();
        private readonly long _spanNs;
        private long _offsetNs;

        public ScorerPass(SignalPipelineEvents events, SmallfishOptions options)
        {
            var capture = new Pipeline(events, options, signals: false);
            _features = new MarketFeatures[events.Count];
            capture.Pass(_features);
            var scoped = options.ForSymbol(events.Spec.Symbol);
            _signals = new SymbolSignalEngine(scoped.Signals, scoped.Fusion, options.AdaptiveWeights);
            _spanNs = _features[^1].NowNs - _features[0].NowNs + 60_000_000_000;
        }

        public void Pass()
        {
            var all = _features;
            for (int i = 0; i < all.Length; i++)
            {
                MarketFeatures f = all[i];
                f.NowNs += _offsetNs;
                _signals.Evaluate(f, f.NowNs, _result);
            }
            _offsetNs += _spanNs;
        }
    }

    // One symbol's pipeline: synchronizer, book, features and (optionally) the signal engine, fed by a reusable message buffer.
    private sealed class Pipeline
    {
        private const long GapNs = 60_000_000_000; // between passes: every window expires, as after a long disconnect
        private readonly SignalPipelineEvents _events;
        private readonly IBookSynchronizer _sync;
        private readonly OrderBook _book;
        private readonly SymbolFeatureEngine _features;
        private readonly SymbolSignalEngine? _signals;
        private readonly FusionResult _result = new();
        private readonly BookUpdate _buffer = new();
        private long _offsetNs = -GapNs;
        private long _nowNs = long.MinValue;

        public Pipeline(SignalPipelineEvents events, SmallfishOptions options, bool signals)
        {
            _events = events;
            _book = new OrderBook(events.Spec, 0, changeLogCapacity: 4096, depthCapacity: 8192);
            _sync = events.Venue == ExchangeName.Binance ? new BinanceBookSynchronizer(_book) : new BybitBookSynchronizer(_book);
            _features = new SymbolFeatureEngine(options.Microstructure);
            if (signals)
            {
                var scoped = options.ForSymbol(events.Spec.Symbol);
                _signals = new SymbolSignalEngine(scoped.Signals, scoped.Fusion, options.AdaptiveWeights);
            }
        }

        public long LastPassEntries { get; private set; }

        public void Pass() => Pass(null);

        // One pass over every event; when given, features[i] receives the features after event i.
        public void Pass(MarketFeatures[]? capture)
        {
            _offsetNs += _events.SpanNs + GapNs;
            _sync.Reset(BookInvalidReason.Disconnected);
            long entries = 0;
            var order = _events.Order;
            for (int i = 0; i < order.Length; i++)
            {
                int k = order[i];
                if (k >= 0)
                {
                    _events.Books.Fill(k, _buffer);
                    _buffer.ExchTsNs += _offsetNs;
                    _buffer.LocalTsNs += _offsetNs;
                    Now(_buffer.ExchTsNs);
                    _sync.Apply(_buffer);
                    _features.OnBook(_book, _nowNs);
                }
                else
                {
                    ref readonly TradeEvent stored = ref _events.Trades[~k];
                    var trade = stored with { ExchTsNs = stored.ExchTsNs + _offsetNs, LocalTsNs = stored.LocalTsNs + _offsetNs };
                    Now(trade.ExchTsNs);
                    _features.OnTrade(trade, _nowNs);
                }
                if (capture is not null) capture[i] = _features.Features;
                if (_signals is not null)
                {
                    _signals.Evaluate(_features.Features, _nowNs, _result);
                    if (_result.WantsEntry) entries++;
                }
            }
            LastPassEntries = entries;
        }

        private void Now(long ts)
        {
            if (ts > _nowNs) _nowNs = ts;
        }
    }
}
