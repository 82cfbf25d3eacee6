using System.CommandLine;
using System.Globalization;
using Smallfish.Backtest.Data;
using Smallfish.Backtest.Runs;
using Smallfish.Core.Configuration;
using Smallfish.Simulation.Benchmarks;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// <c>bench</c>: speed and allocation benchmarks that print figures (targets are checked by reading them, never by
/// timed unit tests). <c>bench book</c> times the order book on the real recordings; <c>bench ingest</c> the raw JSON
/// ingest into the binary event cache and the cache replay; <c>bench pipeline</c> the full backtest pipeline from the
/// cache (events/s and bytes/event); <c>bench risk</c> the pre-trade gates and the position sizer; <c>bench signals</c>
/// book + features + the 13 scorers + fusion per event.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the <c>bench</c> command.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks that print throughput and allocation figures");
        bench.Subcommands.Add(CreateBook());
        bench.Subcommands.Add(CreateIngest());
        bench.Subcommands.Add(CreatePipeline());
        bench.Subcommands.Add(CreateRisk());
        bench.Subcommands.Add(CreateSignals());
        return bench;
    }

    private static Command CreateSignals()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Folder of real recorded data (shared/data/real); default: found by walking up from the current and the executable's directory",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Timed passes over each session after the warm-up",
            DefaultValueFactory = _ => 3,
        };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--repeat must be at least 1");
        });
        var signals = new Command("signals", "Time book + features + the 13 signal scorers + fusion per event on the real Binance sessions; count the bytes allocated")
        {
            data,
            repeat,
        };
        signals.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var dataDir = parse.GetValue(data);
            string? dir = dataDir?.FullName ?? RealDataLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            if (dir is null || !Directory.Exists(dir))
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench signals: no {RealDataLocator.RelativePath} found; pass --data");
                return 2;
            }
            var inv = CultureInfo.InvariantCulture;
            // The signal options' code defaults are the appsettings.json defaults (a configuration test keeps them equal).
            var options = new Smallfish.Core.Configuration.SmallfishOptions();
            foreach (var session in HftBacktestSession.Discover(Path.Combine(dir, "hftbacktest-binance-usdm")))
            {
                var r = SignalBenchmark.Measure(SignalPipelineEvents.FromHftBacktest(session), options, parse.GetValue(repeat));
                output.WriteLine(string.Create(inv, $"{r.Name}: {r.EventsPerPass} events per pass, {r.Repeats} timed passes, {r.EntriesPerPass} entry signals per pass"));
                output.WriteLine(string.Create(inv, $"{r.FeaturesNsPerEvent:F0} ns/event (book + features)"));
                output.WriteLine(string.Create(inv, $"{r.SignalsNsPerEvent:F0} ns/event (13 scorers + fusion)"));
                output.WriteLine(string.Create(inv, $"{r.PipelineNsPerEvent:F0} ns/event (book + features + scorers + fusion)"));
                output.WriteLine(string.Create(inv, $"{(r.PipelineNsPerEvent > 0 ? 1e9 / r.PipelineNsPerEvent : 0):F0} events/s"));
                output.WriteLine(string.Create(inv, $"{r.PipelineBytesPerEvent:0.###} bytes/event"));
            }
            return 0;
        });
        return signals;
    }

    private static Option<DirectoryInfo?> DataOption() => new("--data")
    {
        Description = "Folder of real recorded data (shared/data/real); default: found by walking up from the current and the executable's directory",
    };

    private static Option<int> RepeatOption(int defaultValue)
    {
        var repeat = new Option<int>("--repeat") { Description = "Timed passes after the warm-up", DefaultValueFactory = _ => defaultValue };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--repeat must be at least 1");
        });
        return repeat;
    }

    private static Command CreateIngest()
    {
        var data = DataOption();
        var repeat = RepeatOption(3);
        var ingest = new Command("ingest", "Raw JSON ingest of the real Binance recordings (lines/s: tokenizer reference, parse, whole conversion into the event cache) and cache replay (events/s)")
        {
            data,
            repeat,
        };
        ingest.SetAction(parse => RunIngest(parse.GetValue(data), parse.GetValue(repeat), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return ingest;
    }

    private static Command CreatePipeline()
    {
        var data = DataOption();
        var repeat = RepeatOption(3);
        var mode = new Option<TradingMode>("--mode") { Description = "Profile of the engine", DefaultValueFactory = _ => TradingMode.Balanced };
        var cache = new Option<string?>("--cache") { Description = "Event cache folder (default $XDG_CACHE_HOME/smallfish or ~/.cache/smallfish)" };
        var pipeline = new Command("pipeline", "Full pipeline from the event cache (decode, merge, simulated venue, engine) on one thread over the real BTCUSDT+ETHUSDT recordings: prints events/s and bytes/event")
        {
            data,
            repeat,
            mode,
            cache,
        };
        pipeline.SetAction(parse => RunPipeline(parse.GetValue(data), parse.GetValue(repeat), parse.GetValue(mode), parse.GetValue(cache),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return pipeline;
    }

    private static string? FindData(DirectoryInfo? data, string command, TextWriter error)
    {
        string? dir = data?.FullName ?? RealDataLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (dir is not null && Directory.Exists(dir)) return dir;
        error.WriteLine(data is null
            ? $"bench {command}: no {RealDataLocator.RelativePath} found above the current or the executable's directory; pass --data"
            : $"bench {command}: --data {data.FullName} does not exist");
        return null;
    }

    private static int RunIngest(DirectoryInfo? data, int repeat, TextWriter output, TextWriter error)
    {
        string? dir = FindData(data, "ingest", error);
        if (dir is null) return 2;
        string scratch = Path.Combine(Path.GetTempPath(), "smallfish-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {dir} (hftbacktest Binance USD-M BTCUSDT and ETHUSDT sessions)"));
            foreach (var m in IngestBenchmark.Run(dir, repeat, scratch)) Print(output, m);
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int RunPipeline(DirectoryInfo? data, int repeat, TradingMode mode, string? cacheDir, TextWriter output, TextWriter error)
    {
        string? dir = FindData(data, "pipeline", error);
        if (dir is null) return 2;
        try
        {
            var settings = new RunSettings { Exchange = ExchangeName.Binance };
            var options = ProfileLoader.Load(new BacktestEnvironment(), settings, mode);
            var cache = new EventCache(cacheDir ?? CacheDirectory.Default());
            var folder = Path.Combine(dir, "hftbacktest-binance-usdm");
            var streams = new List<(Smallfish.Core.Instruments.InstrumentSpec, byte[])>();
            foreach (string symbol in new[] { "BTCUSDT", "ETHUSDT" })
            {
                var files = DataCatalog.Scan(folder).Where(f => f.Format == DataFormat.HftBacktestRecording && f.Symbol == symbol).ToList();
                var instrument = InstrumentResolver.Resolve(symbol, files, options);
                var spec = StreamPlanner.Plan(symbol, ExchangeName.Binance, files, instrument, ReplayErrorPolicy.Stop);
                var entry = cache.GetOrBuild(spec, input => StreamPlanner.Open(input, instrument, ReplayErrorPolicy.Stop));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cache: {symbol} {entry.Manifest.Counts.Total} events ({entry.Outcome.ToString().ToLowerInvariant()}) {entry.Path}"));
                streams.Add((instrument, File.ReadAllBytes(entry.Path)));
            }
            var engine = DefaultStrategy.Factory;
            output.WriteLine(engine is not null
                ? $"stages: cache decode, merge, simulated venue (book, matching, feed delay), {DefaultStrategy.Name} (book, features, 13 signals, fusion, risk, router, brackets); profile {ProfileLoader.Name(mode)}"
                : "stages: cache decode, merge, simulated venue (book, matching, feed delay), book + features harness; NOT the engine (signals, fusion, risk and router are not in this build)");
            var m = PipelineBenchmark.Run(streams, options, engine ?? (ctx => new MarketDataPipelineStrategy(ctx)), ExchangeName.Binance, BookSyncMode.Binance, repeat);
            Print(output, m);
            return 0;
        }
        catch (Exception e) when (CliErrors.TryReport(e, error) is { } code)
        {
            return code;
        }
    }

    private static void Print(TextWriter output, Measurement m)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"{m.Name}: {m.Units} {m.Unit} per pass, {m.Repeats} timed pass(es) in {m.Seconds:F3} s wall / {m.CpuSeconds:F3} s cpu ({m.PerCpuSecond:F0} {m.Unit}/s of cpu time)"));
        output.WriteLine(string.Create(inv, $"{m.PerSecond:F0} {m.Unit}/s"));
        output.WriteLine(string.Create(inv, $"{m.BytesPerUnit:0.###} bytes/{m.Unit.TrimEnd('s')}"));
    }

    private static Command CreateRisk()
    {
        var decisions = new Option<int>("--decisions")
        {
            Description = "Risk decisions timed (five rounds; the best round is reported)",
            DefaultValueFactory = _ => 1_000_000,
        };
        decisions.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 5) result.AddError("--decisions must be at least 5");
        });
        var risk = new Command("risk", "Time the pre-trade gates and the gates plus position sizing per entry decision; count the bytes allocated")
        {
            decisions,
        };
        risk.SetAction(parse =>
        {
            var result = RiskGateBenchmark.Run(parse.GetValue(decisions));
            var output = parse.InvocationConfiguration.Output;
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"risk gate: 5 rounds of {result.Decisions} decisions, best round"));
            output.WriteLine(string.Create(inv, $"{result.GateNsPerDecision:F1} ns/decision (gates)"));
            output.WriteLine(string.Create(inv, $"{result.DecisionNsPerDecision:F1} ns/decision (gates + sizing)"));
            output.WriteLine(string.Create(inv, $"{result.BytesPerDecision:0.###} bytes/decision"));
            return 0;
        });
        return risk;
    }

    private static Command CreateBook()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Folder of real recorded data (shared/data/real); default: found by walking up from the current and the executable's directory",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Timed passes over the data after the warm-up",
            DefaultValueFactory = _ => 5,
        };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--repeat must be at least 1");
        });
        var book = new Command("book", "Apply the real Binance (hftbacktest) and Bybit depth messages to the book through the synchronizers; parse the raw JSON")
        {
            data,
            repeat,
        };
        book.SetAction(parse => RunBook(parse.GetValue(data), parse.GetValue(repeat), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return book;
    }

    private static int RunBook(DirectoryInfo? data, int repeat, TextWriter output, TextWriter error)
    {
        string? dir = data?.FullName ?? RealDataLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (dir is null || !Directory.Exists(dir))
        {
            error.WriteLine(data is null
                ? $"bench book: no {RealDataLocator.RelativePath} found above the current or the executable's directory; pass --data"
                : $"bench book: --data {data.FullName} does not exist");
            return 2;
        }
        var result = BookBenchmark.Run(new BookBenchmarkOptions { DataDirectory = dir, Repeat = repeat });
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"data: {dir}"));
        foreach (var b in result.Books)
        {
            output.WriteLine(string.Create(inv,
                $"{b.Name}: {b.Streams} books, {b.DeltasPerPass} deltas ({b.LevelsPerPass} levels) and {b.SnapshotsPerPass} snapshots per pass, {b.Repeats} timed passes in {b.Seconds:F3} s wall / {b.CpuSeconds:F3} s cpu, {b.SyncFailures} sync failures"));
            output.WriteLine(string.Create(inv, $"{b.DeltasPerSecond:F0} deltas/s"));
            output.WriteLine(string.Create(inv, $"{b.LevelsPerSecond:F0} levels/s"));
            output.WriteLine(string.Create(inv, $"{b.BytesPerEvent:0.###} bytes/event"));
        }
        foreach (var p in result.Parses)
        {
            output.WriteLine(string.Create(inv, $"{p.Name}: {p.Lines} lines, {p.Bytes / 1e6:F1} MB per pass, {p.Repeats} timed passes in {p.Seconds:F3} s wall / {p.CpuSeconds:F3} s cpu"));
            output.WriteLine(string.Create(inv, $"{p.LinesPerSecond:F0} lines/s"));
            output.WriteLine(string.Create(inv, $"{p.MegabytesPerSecond:F1} MB/s"));
            output.WriteLine(string.Create(inv, $"{p.BytesPerLine:0.###} bytes/line"));
        }
        return 0;
    }
}
