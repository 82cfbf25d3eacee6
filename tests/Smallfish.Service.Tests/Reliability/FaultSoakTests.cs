using System.Globalization;
using System.Text.Json;
using Smallfish.Emulator;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Service.Bench;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// Fault soak: the real <c>smallfish</c> process trades on the loopback venue emulator (replayed real data, the loose
/// churn profile) while seeded random faults are armed (connection drops, sequence gaps, slow frames, 5xx, lost
/// answers, 429, partial fills, rejects) and the process is SIGKILLed and restarted at random moments. Invariants are
/// checked while it runs and at the end (docs/reliability.md, "Fault soak"). Length: SMALLFISH_SOAK_SECONDS (default
/// 60), restarts: SMALLFISH_SOAK_KILLS (default 3), seed: SMALLFISH_SOAK_SEED.
/// </summary>
[NonParallelizable]
public sealed class FaultSoakTests
{
    private const long ProtectLimitMs = 1000;
    private const long RssLimitBytes = 1L << 30;
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new ServiceDirectory();
        _dir.TradeOnly("BTCUSDT");
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static int Setting(string name, int fallback) =>
        int.TryParse(System.Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;

    private string[] Args(TradingVenue venue, SoakOutputProbe probe, ExchangeKind exchange)
    {
        var args = new List<string> { "--config-dir", _dir.ConfigDirectory, "--data-dir", _dir.DataDirectory };
        foreach ((string key, string? value) in ServiceDirectory.LoopbackExchangeOverrides()) args.AddRange(["--set", key + "=" + value]);
        foreach ((string key, string? value) in venue.Overrides("Testnet", keys: false, exchange)) args.AddRange(["--set", key + "=" + value]);
        foreach ((string key, string? value) in LatencyBenchmark.ChurnOverrides) args.AddRange(["--set", key + "=" + value]);
        foreach ((string key, string value) in probe.Settings()) args.AddRange(["--set", key + "=" + value]);
        args.AddRange(["--set", "Journal:FlushIntervalMs=100"]);
        return [.. args];
    }

    private static Dictionary<string, string?> Environment(TradingVenue venue, NotifySocket notify, ExchangeKind exchange) => new()
    {
        [Prefix(exchange) + "_API_KEY"] = venue.Emulator.Options.ApiKey,
        [Prefix(exchange) + "_API_SECRET"] = venue.Emulator.Options.ApiSecret,
        [Prefix(exchange) + "_TESTNET"] = "true",
        ["NOTIFY_SOCKET"] = notify.Name,
        ["TELEGRAM_BOT_TOKEN"] = SoakOutputProbe.BotToken,
    };

    private static string Prefix(ExchangeKind exchange) => exchange == ExchangeKind.Binance ? "BINANCE" : "BYBIT";

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>How long past its planned moment a kill waits for the service to hold a position.</summary>
    private const long KillWaitMs = 15_000;

    /// <summary>How long past the planned end the run goes on waiting for a first entry fill.</summary>
    private const long TradeGraceMs = 90_000;

    private static int EntryFills(TradingVenue venue) => SoakReport.EntryFillsOf(venue.Emulator.Executions());

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task Soak_RandomFaultsAndSigkillRestarts_EveryInvariantHolds(ExchangeKind exchange)
    {
        int seconds = Setting("SMALLFISH_SOAK_SECONDS", 60);
        int kills = Setting("SMALLFISH_SOAK_KILLS", Math.Max(3, seconds / 20));
        int seed = Setting("SMALLFISH_SOAK_SEED", 20260521);
        var random = new Random(seed);
        await using TradingVenue venue = await TradingVenue.StartAsync();
        await using SoakOutputProbe probe = await SoakOutputProbe.StartAsync();
        using NotifySocket notify = NotifySocket.AtPath(_dir.Root);
        string db = Path.Combine(_dir.DataDirectory, "journal.db");
        var injector = new SoakFaultInjector(venue.Emulator, venue.Symbol, seed, binance: exchange == ExchangeKind.Binance);
        var monitor = new SoakMonitor(venue.Emulator, venue.Symbol);
        var outputs = new List<(int Process, string Stdout, string Stderr, int? ExitCode)>();
        var readyWindows = new List<(long From, long To)>();

        // Kill moments: one in each of `kills` equal slices of the run, at a random point of the slice's middle part.
        long start = NowMs();
        long slice = seconds * 1000L / (kills + 1);
        var killAt = new Queue<long>(Enumerable.Range(0, kills).Select(i => start + slice * (i + 1) - slice / 3 + random.Next((int)(slice * 2 / 3))));
        long end = start + seconds * 1000L;
        int processNo = 1;
        int restarts = 0;
        ServiceProcess process = ServiceProcess.Start(_dir, Environment(venue, notify, exchange), Args(venue, probe, exchange));
        long launchedMs = NowMs();
        long readyMs = 0;
        long nextFault = start + 2000;
        bool feedStarted = false;
        probe.Start();
        try
        {
            while (true)
            {
                long now = NowMs();
                if (readyMs == 0 && notify.Drain().Any(m => m.Contains("READY=1", StringComparison.Ordinal)))
                {
                    readyMs = NowMs();
                    TestContext.Out.WriteLine($"process {processNo}: READY after {readyMs - launchedMs} ms");
                    if (!feedStarted)
                    {
                        venue.Emulator.Feed.Start(speed: Setting("SMALLFISH_SOAK_SPEED", 3));
                        feedStarted = true;
                    }
                }

                Assert.That(readyMs != 0 || now - launchedMs < 60_000, Is.True, $"process {processNo} reported READY within 60 s; stdout: {process.StandardOutput} stderr: {process.StandardError}");
                monitor.Sample(now, readyMs, ProtectLimitMs);
                if ((now / 100) % 10 == 0) monitor.SampleMemory(processNo, process.Id, now - launchedMs);
                injector.Tick(now);
                // The run ends at its planned length once every kill happened and the service has traded; on a loaded
                // machine entries can come late, so it runs on (faults still injected) up to TradeGraceMs for one.
                bool traded = EntryFills(venue) > 0;
                if (now >= end && readyMs != 0 && killAt.Count == 0 && (traded || now >= end + TradeGraceMs)) break;
                if (now >= nextFault && (now < end || !traded))
                {
                    injector.InjectOne(now);
                    nextFault = now + injector.NextGapMs();
                }

                // A kill waits (up to KillWaitMs past its moment) for a filled position, so restarts happen with
                // something to protect rather than on a flat book.
                bool holding = venue.Emulator.GetPosition(venue.Symbol).NetLots != 0;
                if (killAt.Count > 0 && now >= killAt.Peek() && readyMs != 0 && (holding || now >= killAt.Peek() + KillWaitMs))
                {
                    killAt.Dequeue();
                    readyWindows.Add((readyMs, now));
                    readyMs = 0;
                    process.Kill();
                    outputs.Add((processNo, process.StandardOutput, process.StandardError, null));
                    process.Dispose();
                    notify.Drain();
                    restarts++;
                    processNo++;
                    process = ServiceProcess.Start(_dir, Environment(venue, notify, exchange), Args(venue, probe, exchange));
                    launchedMs = NowMs();
                    TestContext.Out.WriteLine($"SIGKILL #{restarts} at {now - start} ms; position {venue.Emulator.GetPosition(venue.Symbol).NetLots} lots, {venue.Emulator.OpenOrders(venue.Symbol).Count} open orders");
                }

                await Task.Delay(50);
            }

            await probe.StopAsync();

            // Quiet end: faults off, feed stopped, the last process protects what it holds, then stops gracefully.
            venue.Emulator.Faults.Reset();
            await venue.Emulator.Feed.StopAsync();
            long settle = NowMs() + 5000;
            while (NowMs() < settle && !monitor.IsProtected()) await Task.Delay(50);
            monitor.Sample(NowMs(), readyMs, ProtectLimitMs);
            readyWindows.Add((readyMs, NowMs()));
            process.Terminate();
            int exit = process.WaitForExit(TimeSpan.FromSeconds(60));
            outputs.Add((processNo, process.StandardOutput, process.StandardError, exit));
        }
        finally
        {
            process.Dispose();
        }

        string[] secrets = [venue.Emulator.Options.ApiSecret, venue.Emulator.Options.ApiKey, SoakOutputProbe.BotToken.Split(':')[1]];
        IReadOnlyList<string> leaks = probe.FindSecrets(outputs.Select(o => (o.Process, o.Stdout + o.Stderr)), _dir.DataDirectory, secrets);
        long logBytes = SoakOutputProbe.LogBytes(_dir.DataDirectory);
        TestContext.Out.WriteLine($"outputs scanned for secrets: {outputs.Count} consoles, {probe.StatusReads} status documents, {probe.Replies} Telegram replies to {probe.CommandsSent} commands, {logBytes} bytes of log files, the journal; leaks: {leaks.Count}");
        SoakReport report = SoakReport.Build(venue, db, injector.Counts, restarts, seconds, seed, monitor, NowMs() - start);
        string text = report.ToText();
        TestContext.Out.WriteLine($"exchange: {exchange}");
        TestContext.Out.WriteLine(text);
        string file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"soak-report-{exchange.ToString().ToLowerInvariant()}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, SoakReport.JsonOptions));
        TestContext.AddTestAttachment(file, "fault counts, restarts and invariant figures of the soak");
        foreach (var (p, stdout, stderr, _) in outputs)
        {
            string log = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"soak-{exchange.ToString().ToLowerInvariant()}-process-{p}.log");
            await File.WriteAllTextAsync(log, stdout + stderr);
            TestContext.AddTestAttachment(log, $"console output of service process {p}");
        }

        // The journal itself beside the report, for a diagnosis after a failed run.
        File.Copy(db, Path.Combine(TestContext.CurrentContext.WorkDirectory, $"soak-{exchange.ToString().ToLowerInvariant()}-journal.db"), overwrite: true);

        foreach (string dup in report.DuplicateCreates.Concat(report.VenueOrdersMissingFromJournal).Concat(report.FillMismatches))
        {
            string id = dup.Split(' ')[0].TrimEnd(':');
            foreach (var (p, stdout, stderr, _) in outputs)
            {
                foreach (string line in (stdout + stderr).Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal))) TestContext.Out.WriteLine($"[{p}] {line}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(restarts, Is.EqualTo(kills), "every planned SIGKILL restart happened");
            Assert.That(injector.Counts.Values.Sum(), Is.GreaterThan(seconds / 3), "faults were injected throughout");
            Assert.That(report.EntryFills, Is.GreaterThan(0), "the service traded during the soak");

            // 1. protection: sampled (a position never stays without a full-size stop for > 1 s while the service is up)
            //    and from the emulator's records (every entry fill has a stop accepted within 1 s, or within 1 s of READY).
            Assert.That(monitor.NakedStretches, Is.Empty, "every filled position had its protective stop within 1 s");
            Assert.That(report.UnprotectedFills(readyWindows, ProtectLimitMs), Is.Empty, "every entry fill was followed by a stop within 1 s (emulator records)");

            // 2. no client order id used twice, across every restart.
            Assert.That(report.DuplicateCreates, Is.Empty, "no client order id was sent to the venue twice");
            Assert.That(report.JournalIds, Is.Unique, "no client order id journaled twice");

            // 3. journal and emulator agree on orders, fills and position.
            Assert.That(report.VenueOrdersMissingFromJournal, Is.Empty, "every order the venue accepted is in the journal");
            Assert.That(report.FillMismatches, Is.Empty, "filled quantity per order: journal == venue");
            Assert.That(report.JournalNetLots, Is.EqualTo(report.VenueNetLots), "journal position == venue position");

            // 4. equity reconciles to fills, fees and funding.
            Assert.That(report.ExpectedBalance, Is.EqualTo(report.VenueBalance).Within(0.0001m), "wallet == start + realized(fills) - fees - funding");

            // 5. no unhandled exception, a clean final stop, no secret in the output.
            foreach (var (p, stdout, stderr, code) in outputs)
            {
                string all = stdout + stderr;
                Assert.That(all, Does.Not.Contain("Unhandled exception"), $"process {p}: no unhandled exception");
                if (code is not null) Assert.That(code, Is.Zero, $"process {p}: graceful stop; stderr: {stderr}");
            }

            Assert.That(leaks, Is.Empty, "no API key, API secret or bot token in the console, log files, journal, status documents or Telegram replies");
            Assert.That(probe.StatusReads, Is.GreaterThan(0), "the status endpoint was read during the soak");
            Assert.That(probe.Replies, Is.GreaterThan(0), "the service answered operator commands during the soak");
            Assert.That(logBytes, Is.GreaterThan(0), "log files were written");

            // 6. memory stays bounded.
            Assert.That(monitor.MaxRssBytes, Is.GreaterThan(0).And.LessThan(RssLimitBytes), "resident memory of every process stays under 1 GiB");
            Assert.That(report.RssGrowthBytes, Is.LessThan(256L << 20), "resident memory of a process grows by less than 256 MiB after its first 10 s");
        });
    }
}
