using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Smallfish.Persistence.Journal;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Executable;

/// <summary>
/// The real executable as a child process. Every exchange address points at a closed 127.0.0.1 port, Telegram and
/// email are off, and the status endpoint listens on loopback: nothing leaves the machine.
/// </summary>
public sealed class ServiceExecutableTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string[] Args(params string[] extra)
    {
        var args = new List<string> { "--config-dir", _dir.ConfigDirectory, "--data-dir", _dir.DataDirectory };
        foreach ((string key, string? value) in ServiceDirectory.LoopbackExchangeOverrides()) args.AddRange(["--set", key + "=" + value]);
        args.AddRange(extra);
        return [.. args];
    }

    [Test]
    public async Task Run_PaperModeNoExchangeReachable_StartsReportsPaperAndStopsCleanlyOnSigterm()
    {
        using NotifySocket notify = NotifySocket.AtPath(_dir.Root);
        int port = ServiceDirectory.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["NOTIFY_SOCKET"] = notify.Name,
            ["WATCHDOG_USEC"] = "400000",
            ["JOURNAL_STREAM"] = "8:1234",
        };
        using ServiceProcess service = ServiceProcess.Start(_dir, environment,
            Args("--set", $"Status:Port={port}", "--set", "Service:HeartbeatIntervalMs=100", "--set", "Service:ShutdownDrainMs=500"));

        string? ready = notify.Receive(TimeSpan.FromSeconds(60));
        string? firstWatchdog = notify.Receive(TimeSpan.FromSeconds(30));
        JsonElement status = await GetStatusAsync(port);
        service.Terminate();
        var afterTerm = new List<string>();
        for (string? m = notify.Receive(TimeSpan.FromSeconds(30)); m is not null && !m.Contains("STOPPING=1", StringComparison.Ordinal); m = notify.Receive(TimeSpan.FromSeconds(30)))
        {
            afterTerm.Add(m);
        }

        int exitCode = service.WaitForExit(TimeSpan.FromSeconds(60));
        List<string> stopping = notify.Drain();

        Assert.That(ready, Does.StartWith("READY=1\nSTATUS=running: paper"), service.StandardOutput + service.StandardError);
        Assert.That(firstWatchdog, Is.EqualTo("WATCHDOG=1"));
        Assert.That(status.GetProperty("service").GetProperty("mode").GetString(), Is.EqualTo("paper"));
        Assert.That(status.GetProperty("heartbeat").GetProperty("engineAlive").GetBoolean(), Is.True);
        Assert.That(exitCode, Is.Zero, service.StandardError);
        Assert.That(stopping, Has.None.Contains("WATCHDOG"), "no watchdog after STOPPING");
        Assert.That(service.StandardError, Is.Empty);
        string[] lines = service.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines, Has.All.Match("^<[2-7]>"), "journald priority prefix on every console line");
        Assert.That(File.Exists(new SqliteJournalOptions { DataDirectory = _dir.DataDirectory }.DatabasePath), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(_dir.DataDirectory, "logs")), Is.Not.Empty);
    }

    [Test]
    public void Run_InvalidSetting_ExitsTwoWithOneLinePerError()
    {
        var (code, stdout, stderr) = ServiceProcess.Run(_dir, new Dictionary<string, string?>(), Args("--set", "Risk:RiskPerTradePct=-1"));

        Assert.That(code, Is.EqualTo(2));
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "config error: Smallfish:Risk:RiskPerTradePct = '-1': must be > 0 and <= 100",
            "smallfish: 1 configuration error; nothing was started (exit code 2)",
        }));
        Assert.That(stdout, Is.Empty);
        Assert.That(File.Exists(Path.Combine(_dir.DataDirectory, "journal.db")), Is.False, "nothing was started");
    }

    [Test]
    public void Run_LiveWithoutKeys_ExitsTwoWithTheKeysLine()
    {
        var (code, _, stderr) = ServiceProcess.Run(_dir, new Dictionary<string, string?> { ["BYBIT_TESTNET"] = "false" }, Args("--live"));

        Assert.That(code, Is.EqualTo(2));
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Does.StartWith("config error: Smallfish:Secrets:ApiKey = '(not set)': live trading needs the API key and secret (BYBIT_API_KEY and BYBIT_API_SECRET)"));
        Assert.That(lines, Has.Length.EqualTo(2));
    }

    [Test]
    public void Run_MainnetKeysWithoutLiveSwitch_ExitsTwoAndNamesTheSwitch()
    {
        var environment = new Dictionary<string, string?> { ["BYBIT_TESTNET"] = "false", ["BYBIT_API_KEY"] = "k9T2mX7qL4wR8vZ3", ["BYBIT_API_SECRET"] = "s8Hq2Nf7Lx4Vb9Zt" };

        var (code, stdout, stderr) = ServiceProcess.Run(_dir, environment, Args());

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("config error: Smallfish:Exchange:Live = 'false': Testnet = false with API keys would trade real money"));
        Assert.That(stdout + stderr, Does.Not.Contain("k9T2mX7qL4wR8vZ3").And.Not.Contain("s8Hq2Nf7Lx4Vb9Zt"));
    }

    [TestCase(null, "SYNTHETIC")]
    [TestCase("cryptofeed-bybit-v5/BYBIT.jsonl.gz", "recorded")]
    public async Task Run_Offline_EmulatorFeedsTheServiceAndItStopsCleanly(string? recording, string feedWord)
    {
        int port = ServiceDirectory.FreePort();
        var args = new List<string>(Args("--offline", "--set", $"Status:Port={port}", "--set", "Service:HeartbeatIntervalMs=100", "--set", "Service:FeedStaleMs=1500"));
        if (recording is not null) args.AddRange(["--replay", Path.Combine(TestPaths.SharedData, recording)]);
        using ServiceProcess service = ServiceProcess.Start(_dir, new Dictionary<string, string?>(), [.. args]);

        // Fresh after more than the staleness limit: market data has been arriving from the emulator.
        JsonElement status = await GetStatusAsync(port, s => s.GetProperty("service").GetProperty("uptimeMs").GetInt64() > 3000);
        service.Terminate();
        int exitCode = service.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.That(status.GetProperty("service").GetProperty("mode").GetString(), Is.EqualTo("offline"));
        Assert.That(status.GetProperty("heartbeat").GetProperty("feedStale").GetBoolean(), Is.False, service.StandardOutput);
        Assert.That(status.GetProperty("heartbeat").GetProperty("lastEventAgeMs").GetDouble(), Is.LessThan(1500));
        Assert.That(exitCode, Is.Zero, service.StandardError);
        Assert.That(service.StandardOutput, Does.Contain(feedWord), "the feed is named at start");
    }

    [Test]
    public void Run_OfflineReplayOfAMissingFile_ExitsTwo()
    {
        var (code, _, stderr) = ServiceProcess.Run(_dir, new Dictionary<string, string?>(), Args("--offline", "--replay", Path.Combine(_dir.Root, "none.jsonl.gz")));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("config error: --replay = '"));
    }

    [Test]
    public void Help_DocumentsEveryOptionAndCommand()
    {
        var (code, stdout, _) = ServiceProcess.Run(_dir, new Dictionary<string, string?>(), "--help");

        Assert.That(code, Is.Zero);
        foreach (string item in new[]
                 {
                     "--mode", "--dashboard", "--multigrid", "--telegram", "--exchange", "--config-dir", "--data-dir", "--live", "--paper", "--offline", "--replay",
                     "--set", "config", "export", "dashboard", "BYBIT_TESTNET", "BINANCE_TESTNET", "AUTO_SYMBOLS",
                 })
        {
            Assert.That(stdout, Does.Contain(item));
        }
    }

    private static Task<JsonElement> GetStatusAsync(int port) => GetStatusAsync(port, _ => true);

    private static async Task<JsonElement> GetStatusAsync(int port, Func<JsonElement, bool> until)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var uri = new Uri($"http://127.0.0.1:{port}/status");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string last = "nothing";
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await http.GetAsync(uri);
                last = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    JsonElement status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                    if (until(status)) return status;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.HttpRequestError.ToString(); // not listening yet
            }

            if (DateTime.UtcNow > deadline) Assert.Fail($"/status did not reach the expected state in 30 s (last answer: {last})");
            await Task.Delay(50);
        }
    }
}
