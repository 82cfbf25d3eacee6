using System.Globalization;
using Smallfish.Backtest.Data;
using Smallfish.Backtest.Runs;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Bench;
using Smallfish.Service.Trading;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Venue;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// What the parity tests share (docs/reliability.md, "Parity"): the real recording, the loose churn profile on
/// Binance BTCUSDT with equity 10,000, the backtest run that journals into SQLite, and the journal rows compared.
/// </summary>
internal static class ParityRuns
{
    public const string Recording = "hftbacktest-binance-usdm/btcusdt_20240718.gz";
    public const decimal Equity = 10_000m;
    public const int MinOrders = 10;

    public static InstrumentSpec Btc() => RecordedInstruments.BinanceUsdm().First(s => s.Symbol == "BTCUSDT");

    /// <summary>The loose churn profile on Binance <paramref name="spec"/> with the recording's instrument grid.</summary>
    public static Dictionary<string, string?> Overrides(InstrumentSpec spec)
    {
        var o = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in LatencyBenchmark.BenchOverrides) o[key] = value;
        foreach ((string key, string? value) in LatencyBenchmark.ChurnOverrides) o[key] = value;
        o["Exchange:Name"] = "Binance";
        o["Symbols:0"] = spec.Symbol;
        o[$"Instruments:{spec.Symbol}:TickSize"] = spec.TickSize.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:QtyStep"] = spec.QtyStep.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:MinQty"] = spec.MinQty.ToString(CultureInfo.InvariantCulture);
        o[$"Instruments:{spec.Symbol}:MinNotional"] = spec.MinNotional.ToString(CultureInfo.InvariantCulture);
        o["Paper:StartingEquity"] = Equity.ToString(CultureInfo.InvariantCulture);
        return o;
    }

    /// <summary>The recording read with the backtest's own <see cref="StreamPlanner"/> into the binary event cache under <paramref name="root"/>.</summary>
    public static EventCacheEntry BuildCache(string root, InstrumentSpec btc)
    {
        string path = Path.Combine(TestPaths.SharedData, Recording);
        List<DataFile> files = DataCatalog.Scan(Path.GetDirectoryName(path)!)
            .Where(f => f.Format == DataFormat.HftBacktestRecording && Path.GetFileName(f.Path) == Path.GetFileName(path)).ToList();
        Assert.That(files, Has.Count.EqualTo(1), "the recording is in shared/data/real");
        EventCacheSpec spec = StreamPlanner.Plan(btc.Symbol, ExchangeName.Binance, files, btc, ReplayErrorPolicy.Stop);
        return new EventCache(Path.Combine(root, "cache")).GetOrBuild(spec, input => StreamPlanner.Open(input, btc, ReplayErrorPolicy.Stop));
    }

    /// <summary>
    /// The backtest (<see cref="BacktestRunner"/>, default engine strategy, the paper venue's models with
    /// <see cref="Equity"/>, timer every <c>EngineTimerMs</c>) over <paramref name="openStream"/>, journaling into a
    /// SQLite file under <paramref name="root"/>; returns the file.
    /// </summary>
    public static async Task<string> RunBacktestAsync(string root, SmallfishOptions options, InstrumentSpec btc, Func<IOrderedEventSource> openStream)
    {
        string directory = Path.Combine(root, "backtest");
        Directory.CreateDirectory(directory);
        SqliteJournal file = SqliteJournal.Open(new SqliteJournalOptions { DataDirectory = directory });
        try
        {
            BacktestRunner.Run(new BacktestRunRequest
            {
                Profile = "parity",
                Options = options,
                Instruments = [btc],
                OpenStream = openStream,
                Strategy = ctx => EngineStrategy.Create(ctx with { Journal = new TeeJournal(ctx.Journal, file) }, DefaultStrategy.Signals!(ctx)),
                StartingEquity = Equity,
                Exchange = ExchangeName.Binance,
                BookSync = BookSyncMode.Binance,
                Venue = PaperVenueOptions.For(options, Equity),
                TimerIntervalNs = options.Service.EngineTimerMs * TimeProviderExtensions.NsPerMs,
            });
            await file.FlushAsync();
        }
        finally
        {
            await file.DisposeAsync();
        }

        return Path.Combine(directory, "journal.db");
    }

    /// <summary>Every decision and every order sent, in journal order, one line each with every compared field.</summary>
    public static (List<string> Decisions, List<string> Orders) Read(string db)
    {
        using JournalReader reader = JournalReader.Open(db);
        var decisions = reader.ReadDecisions(0, long.MaxValue).Select(Describe).ToList();
        var orders = reader.ReadOrders().Select(Describe).ToList();
        return (decisions, orders);
    }

    /// <summary>
    /// Every fill, one line each: every field but the venue's execution id (each venue numbers its own); the fee as its
    /// value (a fee read off the wire has lost the trailing zeros of the venue's decimal).
    /// </summary>
    public static List<string> Fills(string db)
    {
        using JournalReader reader = JournalReader.Open(db);
        return reader.ReadAllFills().Select(f => string.Create(CultureInfo.InvariantCulture,
            $"fill {f.TsNs} {f.ClientOrderId} {f.Symbol} {f.Side} px={f.PriceTicks} qty={f.QtyLots} fee={f.Fee / 1.000000000000000000000000000000000m} maker={f.IsMaker}")).ToList();
    }

    /// <summary>The first row that differs (with both rows and the counts), or null when the lists are equal.</summary>
    public static string? FirstDifference(List<string> service, List<string> backtest)
    {
        int n = Math.Min(service.Count, backtest.Count);
        for (int i = 0; i < n; i++)
        {
            if (service[i] != backtest[i]) return $"#{i}: service [{service[i]}] backtest [{backtest[i]}] (counts {service.Count} / {backtest.Count})";
        }

        return service.Count == backtest.Count ? null : $"counts differ: service {service.Count}, backtest {backtest.Count}; next: {(service.Count > n ? service[n] : backtest[n])}";
    }

    /// <summary>With <c>SMALLFISH_PARITY_DUMP=PREFIX</c> set, writes both runs' rows to PREFIX.backtest.txt / PREFIX.service.txt.</summary>
    public static void Dump(string backtestDb, string serviceDb, string suffix = "")
    {
        string? dump = System.Environment.GetEnvironmentVariable("SMALLFISH_PARITY_DUMP");
        if (string.IsNullOrEmpty(dump)) return;
        foreach ((string name, string db) in new[] { ("backtest", backtestDb), ("service", serviceDb) })
        {
            (List<string> d, List<string> o) = Read(db);
            File.WriteAllLines($"{dump}{suffix}.{name}.txt", d.Concat(o).Concat(Fills(db)));
        }
    }

    private static string Describe(DecisionRecord d) => string.Create(CultureInfo.InvariantCulture,
        $"{d.TsNs} {d.Symbol} seq={d.Sequence} dir={d.Direction} conf={d.Confidence:R} gate={d.Gate} {d.Action} px={d.PriceTicks} qty={d.QtyLots} ");

    private static string Describe(JournalOrder o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.SentNs} {o.Request.ClientOrderId} {o.Request.Symbol} {o.Request.Side} {o.Request.Type} {o.Request.TimeInForce} px={o.Request.PriceTicks} qty={o.Request.QtyLots} trig={o.Request.TriggerPriceTicks} ro={o.Request.ReduceOnly} {o.Request.Role}");
}
