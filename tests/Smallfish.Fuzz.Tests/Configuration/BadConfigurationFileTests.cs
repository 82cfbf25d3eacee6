using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Fuzz.Tests.Configuration;

/// <summary>
/// Broken configuration files (not single bad keys, which the configuration tests cover): each goes through the real
/// loader and through the real <c>smallfish config check</c> process. Contract: <see cref="ConfigurationErrors"/> whose
/// lines are one line each; the process exits 2, prints only <c>config error: ...</c> lines and the summary, never a
/// stack trace.
/// </summary>
public sealed class BadConfigurationFileTests
{
    private string _root = "";
    private string _config = "";

    private static IEnumerable<TestCaseData> BadFiles()
    {
        static TestCaseData Case(string name, byte[] content) => new TestCaseData(content).SetName("ConfigCheck_" + name + "_OneLineErrorsExitTwo");
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        yield return Case("EmptyFile", []);
        yield return Case("WhitespaceOnly", U("  \n\t\n"));
        yield return Case("MalformedJson", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": 1, } "));
        yield return Case("TruncatedJson", U("{ \"Smallfish\": { \"Risk\": "));
        yield return Case("RootIsArray", U("[1, 2, 3]"));
        yield return Case("RootIsNumber", U("42"));
        yield return Case("SectionIsNumber", U("{ \"Smallfish\": { \"Risk\": 5 } }"));
        yield return Case("SectionIsArray", U("{ \"Smallfish\": { \"Gates\": [1, 2] } }"));
        yield return Case("WrongTypeString", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": \"lots\" } } }"));
        yield return Case("WrongTypeBool", U("{ \"Smallfish\": { \"Status\": { \"AllowNonLoopback\": \"maybe\" } } }"));
        yield return Case("WrongTypeObjectForValue", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": { \"a\": 1 } } } }"));
        yield return Case("UnknownKey", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePcnt\": 1 } } }"));
        yield return Case("UnknownSection", U("{ \"Smallfish\": { \"Rsik\": { \"RiskPerTradePct\": 1 } } }"));
        yield return Case("OutOfRange", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": 1000 } } }"));
        yield return Case("HugeNumber", U("{ \"Smallfish\": { \"Gates\": { \"MaxSpreadTicks\": 1e400 } } }"));
        yield return Case("IntegerOverflow", U("{ \"Smallfish\": { \"Gates\": { \"MaxSpreadTicks\": 99999999999999999999999 } } }"));
        yield return Case("NaN", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": \"NaN\" } } }"));
        yield return Case("Infinity", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": \"Infinity\" } } }"));
        yield return Case("DeepNesting", U(string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)));
        yield return Case("InvalidUtf8", [.. U("{ \"Smallfish\": { \"Exchange\": { \"Name\": \""), 0xC3, 0x28, 0xFF, .. U("\" } } }")]);
        yield return Case("DuplicateKeys", U("{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": 1, \"RiskPerTradePct\": -3 } } }"));
    }

    [Test]
    public void ConfigCheck_NullValueInProfile_KeepsTheBaseValueAndNeverCrashes()
    {
        // JSON null reads as "not set": in a profile layer it leaves the base value in force (documented behaviour of
        // the configuration providers), so the check passes; the same null in the base file is a missing required value.
        string path = Path.Combine(_config, "appsettings.Balanced.json");
        File.WriteAllText(path, "{ \"Smallfish\": { \"Risk\": { \"RiskPerTradePct\": null } } }");
        var (exit, _, stderr) = RunConfigCheck();
        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stderr, Is.Empty);
    }

    [TestCase("Risk", "Smallfish:Risk")]
    [TestCase("Gates", "Smallfish:Gates")]
    [TestCase("Risk:Stop", "Smallfish:Risk:Stop")]
    [TestCase("Exchange:Binance", "Smallfish:Exchange:Binance")]
    public void ConfigCheck_BaseFileMissingSection_OneLineErrorNamingIt(string section, string expectedKey)
    {
        // Every default lives in appsettings.json: a section cut out of it is a damaged install, not "use the code's
        // initial values". (A profile layer may leave sections out; that is what layering is for.)
        string path = Path.Combine(_config, "appsettings.json");
        var document = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        JsonObject parent = document["Smallfish"]!.AsObject();
        string[] parts = section.Split(':');
        foreach (string part in parts[..^1]) parent = parent[part]!.AsObject();
        Assert.That(parent.Remove(parts[^1]), Is.True, "the shipped appsettings.json has the section");
        File.WriteAllText(path, document.ToJsonString());

        var errors = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(new SmallfishConfigurationRequest
        {
            ConfigDirectory = _config,
            Mode = "balanced",
            Overrides = new Dictionary<string, string?> { ["Journal:DataDirectory"] = Path.Combine(_root, "data") },
            WorkingDirectory = _root,
        }))!;
        Assert.That(errors.Errors.Select(e => e.Key), Is.EquivalentTo(new[] { expectedKey }));

        var (exit, stdout, stderr) = RunConfigCheck();
        Assert.That(exit, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.StartWith("config error: " + expectedKey + ": section missing from appsettings.json"));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), stderr);
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void ConfigCheck_ShippedFiles_HaveEverySection()
    {
        var (exit, _, stderr) = RunConfigCheck();
        Assert.That(exit, Is.Zero, stderr);
    }

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "smallfish-fuzz-config-" + Guid.NewGuid().ToString("N"));
        _config = Path.Combine(_root, "config");
        Directory.CreateDirectory(_config);
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        foreach (string file in Directory.GetFiles(RepoRoot(), "appsettings*.json"))
        {
            if (Path.GetFileName(file) == "appsettings.Secrets.json") continue;
            File.Copy(file, Path.Combine(_config, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [TestCaseSource(nameof(BadFiles))]
    public void ConfigCheck_BadFile(byte[] content)
    {
        // The bad file is the operator's own layer on top of the shipped defaults (appsettings.Local.json is not
        // shipped, so a broken one must be reported, not ignored); it is also tried as the base file itself.
        foreach (string name in new[] { "appsettings.json", "appsettings.Balanced.json" })
        {
            string path = Path.Combine(_config, name);
            byte[] original = File.ReadAllBytes(path);
            File.WriteAllBytes(path, content);
            try
            {
                var errors = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(new SmallfishConfigurationRequest
                {
                    ConfigDirectory = _config,
                    Mode = "balanced",
                    Overrides = new Dictionary<string, string?> { ["Journal:DataDirectory"] = Path.Combine(_root, "data") },
                    WorkingDirectory = _root,
                }), name)!;
                Assert.That(errors.Errors, Is.Not.Empty);
                Assert.That(errors.Errors.Select(e => e.ToString()), Has.All.StartWith("config error: ").And.All.Not.Contain("\n"), name);

                var (exit, stdout, stderr) = RunConfigCheck();
                Assert.That(exit, Is.EqualTo(2), $"{name}: {stderr}");
                string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.That(lines, Is.Not.Empty);
                Assert.That(lines, Has.All.Match("^(config error: |smallfish: )"), $"{name}: every line is an error line or the summary:\n{stderr}");
                Assert.That(stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception").And.Not.Contain("Exception:"), name);
                Assert.That(stdout, Is.Empty, name);
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        }
    }

    private (int Exit, string Stdout, string Stderr) RunConfigCheck()
    {
        // tests/Smallfish.Fuzz.Tests/bin/<Configuration>/<tfm>/ -> src/Smallfish.Service/bin/<Configuration>/<tfm>/smallfish.dll (with its own deps)
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string dll = Path.Combine(RepoRoot(), "src", "Smallfish.Service", "bin", testDirectory.Parent!.Name, testDirectory.Name, "smallfish.dll");
        Assert.That(dll, Does.Exist, "build the solution first: the service is referenced, so it is built with the tests");
        string? host = Environment.ProcessPath;
        var start = new ProcessStartInfo(host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet",
            [dll, "config", "check", "--mode", "balanced", "--config-dir", _config, "--data-dir", Path.Combine(_root, "data")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("SMALLFISH_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("BYBIT_", StringComparison.Ordinal)
                || name.StartsWith("BINANCE_", StringComparison.Ordinal) || name.StartsWith("TELEGRAM_", StringComparison.Ordinal)) start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("smallfish config check did not exit within 60 s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Smallfish.sln"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("Smallfish.sln not found above " + AppContext.BaseDirectory);
    }
}
