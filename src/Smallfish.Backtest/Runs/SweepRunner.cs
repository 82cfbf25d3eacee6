using System.Globalization;
using Smallfish.Backtest.Commands;
using Smallfish.Core.Configuration;
using Smallfish.Simulation.Backtesting.Research;
using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// Runs every (symbol, profile) pair: in parallel over the machine's cores (<see cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource})"/>
/// with one worker per core), each run on one thread and deterministic, the results stored by their position so the
/// output order (symbol, then profile, as given) never depends on which run finished first.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs <paramref name="streams"/> x <paramref name="profiles"/>.</summary>
    public static IReadOnlyList<RunOutcome> Run(IReadOnlyList<PreparedStream> streams, IReadOnlyList<(TradingMode Mode, SmallfishOptions Options)> profiles,
        RunSettings settings, Func<BacktestContext, IBacktestStrategy> strategy, IRunProgress progress, int? maxParallelism = null,
        CancellationToken cancellationToken = default, SignalResearchOptions? signalStudy = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(progress);
        var jobs = new List<(int Index, PreparedStream Stream, TradingMode Mode, SmallfishOptions Options)>();
        foreach (var s in streams)
        {
            foreach (var (mode, options) in profiles) jobs.Add((jobs.Count, s, mode, options));
        }
        var results = new RunOutcome[jobs.Count];
        decimal equity = settings.Equity ?? DefaultEquity;
        progress.Show(() =>
        {
            var tasks = jobs.ConvertAll(j => progress.Add($"{j.Stream.Symbol} {ProfileLoader.Name(j.Mode)}", j.Stream.Events));
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            Parallel.ForEach(jobs, parallel, job =>
            {
                var task = tasks[job.Index];
                var grid = job.Options.Multigrid.Enabled ? new GridRunSummary() : null;
                var engines = new List<EngineStrategy>();
                Func<BacktestContext, IBacktestStrategy> build = grid is null ? strategy : ctx =>
                {
                    // each session builds a fresh engine: collect the grid of the previous one before it is replaced
                    var s = strategy(ctx);
                    if (s is EngineStrategy e) engines.Add(e);
                    return s;
                };
                var request = Request(job.Stream, job.Mode, job.Options, settings, equity, build, (events, _) => task.Report(events)) with { SignalStudy = signalStudy };
                var result = BacktestRunner.Run(request, cancellationToken);
                foreach (var e in engines)
                {
                    foreach (var g in e.Engine.Grids) grid!.Add(g.Snapshot());
                }
                results[job.Index] = new RunOutcome(job.Stream, ProfileLoader.Name(job.Mode), result) { Grid = grid };
                var stats = result.Reports[0].Statistics;
                task.Complete(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Events} events in {result.Seconds:0.00} s ({result.Events / Math.Max(result.Seconds, 1e-9) / 1e6:0.00}M events/s), {stats.Trades} trades"));
            });
        });
        return results;
    }

    /// <summary>Starting equity when --equity is not given, quote currency.</summary>
    public const decimal DefaultEquity = 1000m;

    /// <summary>The run request of one stream under one profile.</summary>
    public static BacktestRunRequest Request(PreparedStream stream, TradingMode mode, SmallfishOptions options, RunSettings settings, decimal equity,
        Func<BacktestContext, IBacktestStrategy> strategy, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        return new BacktestRunRequest
        {
            Profile = ProfileLoader.Name(mode),
            Options = options,
            Instruments = [stream.Instrument],
            OpenStream = stream.Open,
            Strategy = strategy,
            StartingEquity = equity,
            Exchange = settings.Exchange,
            Venue = VenueDefaults.For(settings.Exchange, stream.BookSync, equity, options.Risk.Leverage),
            BookSync = stream.BookSync,
            Synthetic = stream.Synthetic,
            EquityIntervalNs = BacktestRunRequest.EquityIntervalFor(stream.LastTsNs - stream.FirstTsNs),
            Progress = progress,
        };
    }
}
