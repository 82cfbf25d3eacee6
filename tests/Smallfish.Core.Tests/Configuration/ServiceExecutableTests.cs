using System.Diagnostics;

namespace Smallfish.Core.Tests.Configuration;

/// <summary>Runs the real <c>smallfish</c> executable (dotnet smallfish.dll) and checks exit codes and output.</summary>
public sealed class ServiceExecutableTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void ConfigCheck_ValidConfiguration_PrintsSortedRedactedLinesAndExitsZero()
    {
        Result result = Run(SecretRedactionTests.SecretEnvironment(), "config", "check", "--mode", "Aggressive", "--exchange", "bybit", "--dashboard");

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        string[] lines = result.StandardOutput.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("Smallfish:Mode = aggressive"));
            Assert.That(lines, Does.Contain("Smallfish:Risk:RiskPerTradePct = 2.5"));
            Assert.That(lines, Does.Contain("Smallfish:Dashboard:Enabled = true"));
            Assert.That(lines, Does.Contain("Smallfish:Secrets:ApiKey = ***"));
            Assert.That(lines, Does.Contain("Smallfish:Secrets:TelegramBotToken = ***"));
            Assert.That(lines, Has.All.Match(@"^Smallfish:[A-Za-z0-9:]+ = [^\r\n]*$"));
            Assert.That(lines, Does.Contain("Smallfish:Email:SmtpHost = "));
            Assert.That(lines.Length, Is.GreaterThan(150));
            Assert.That(result.StandardError, Is.Empty);
        });
        var keys = lines.Select(l => l[..l.IndexOf(" = ", StringComparison.Ordinal)]).ToList();
        Assert.That(keys, Is.EqualTo(keys.Order(Smallfish.Hosting.Configuration.ConfigurationKeyComparer.Instance).ToList()), "sorted");
        SecretRedactionTests.AssertNoSecret([result.StandardOutput, result.StandardError]);
    }

    [Test]
    public void ConfigCheck_InvalidConfiguration_PrintsOneLinePerErrorAndExitsTwo()
    {
        var env = SecretRedactionTests.SecretEnvironment();
        env["SMALLFISH_RISK__RISKPERTRADEPCT"] = "-1";
        env["SMALLFISH_SECRETS__APIKEE"] = env["BYBIT_API_KEY"];

        Result result = Run(env, "config", "check", "--set", "Gates:MaxSpredTicks=3", "--exchange", "kraken");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        string[] lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines.Where(l => l.StartsWith("config error: ", StringComparison.Ordinal)), Is.EquivalentTo(new[]
        {
            "config error: Smallfish:Risk:RiskPerTradePct = '-1': must be > 0 and <= 100",
            "config error: Smallfish:Secrets:APIKEE = '***': unknown key (no such setting under Smallfish:Secrets); did you mean Smallfish:Secrets:ApiKey?",
            "config error: Smallfish:Gates:MaxSpredTicks = '3': unknown key (no such setting under Smallfish:Gates); did you mean Smallfish:Gates:MaxSpreadTicks?",
            "config error: Smallfish:Exchange:Name = 'kraken': must be one of: bybit, binance",
        }));
        Assert.That(lines[^1], Is.EqualTo("smallfish: 4 configuration errors; nothing was started (exit code 2)"));
        Assert.That(result.StandardOutput, Is.Empty);
        SecretRedactionTests.AssertNoSecret([result.StandardOutput, result.StandardError]);
    }

    [Test]
    public void Root_TelegramWithoutBotToken_ExitsTwoBeforeStarting()
    {
        Result result = Run(new Dictionary<string, string?> { ["BYBIT_TESTNET"] = "true" }, "--mode", "ultra", "--multigrid", "--telegram", "--set", "Telegram:AllowedChatIds:0=7");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.StartWith("config error: Smallfish:Secrets:TelegramBotToken = '(not set)': is required when Smallfish:Telegram:Enabled is true"));
        Assert.That(result.StandardOutput, Is.Empty, "nothing was started");
    }

    [Test]
    public void Root_UnknownMode_ExitsTwoWithTheModeLine()
    {
        Result result = Run(new Dictionary<string, string?>(), "--mode", "yolo");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.StartWith("config error: Smallfish:Mode = 'yolo': must be one of: conservative, balanced, aggressive, ultra"));
    }

    [Test]
    public void Help_ListsEveryOptionAndTheConfigCommand()
    {
        Result result = Run(new Dictionary<string, string?>(), "--help");

        Assert.That(result.ExitCode, Is.Zero);
        foreach (string option in new[] { "--mode", "--exchange", "--dashboard", "--multigrid", "--telegram", "--config-dir", "--data-dir", "--set", "config" })
        {
            Assert.That(result.StandardOutput, Does.Contain(option));
        }
    }

    private Result Run(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [ServiceDll(), .. args, "--config-dir", _dir.ConfigDirectory, "--data-dir", _dir.DataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir.Root,
        };
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("SMALLFISH_", StringComparison.OrdinalIgnoreCase) || IsSeedVariable(name)) start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in environment) start.Environment[name] = value;

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("smallfish did not exit within 60 s");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static bool IsSeedVariable(string name) => name is "BYBIT_API_KEY" or "BYBIT_API_SECRET" or "BINANCE_API_KEY" or "BINANCE_API_SECRET"
        or "BYBIT_TESTNET" or "BINANCE_TESTNET" or "AUTO_SYMBOLS" or "TELEGRAM_BOT_TOKEN" or "TELEGRAM_CHAT_ID" or "SMTP_PASSWORD";

    private static string DotnetHost()
    {
        string? host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
    }

    private static string ServiceDll()
    {
        // tests/Smallfish.Core.Tests/bin/<Configuration>/<tfm>/ -> src/Smallfish.Service/bin/<Configuration>/<tfm>/smallfish.dll
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        string tfm = testDirectory.Name;
        string configuration = testDirectory.Parent!.Name;
        string dll = Path.Combine(ConfigurationTestDirectory.RepositoryRoot, "src", "Smallfish.Service", "bin", configuration, tfm, "smallfish.dll");
        Assert.That(dll, Does.Exist, "build the solution first: the test project references Smallfish.Service so it is built with it");
        return dll;
    }

    private sealed record Result(int ExitCode, string StandardOutput, string StandardError);
}
