using System.Diagnostics;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Deploy;

/// <summary>deploy/smallfish.service as systemd itself reads it.</summary>
public sealed class SystemdUnitTests
{
    private static string? FindOnPath(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    [Test]
    public void Verify_UnitWithExistingBinary_SystemdAnalyzeFindsNothing()
    {
        string? analyze = FindOnPath("systemd-analyze");
        if (analyze is null) Assert.Ignore("systemd-analyze is not installed (Debian package systemd; .ci/run installs it)");
        string unit = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "smallfish.service"));
        Assert.That(unit, Does.Contain("ExecStart=/opt/smallfish/smallfish --config-dir /etc/smallfish --data-dir /var/lib/smallfish"));
        string directory = Path.Combine(Path.GetTempPath(), "smallfish-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // systemd-analyze checks that the binary exists: point ExecStart at one that does, keep everything else.
            string path = Path.Combine(directory, "smallfish.service");
            File.WriteAllText(path, unit.Replace("ExecStart=/opt/smallfish/smallfish ", "ExecStart=" + TestPaths.DotnetHost + " ", StringComparison.Ordinal));
            var start = new ProcessStartInfo(analyze, ["verify", path]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "systemd-analyze did not finish");

            string problems = string.Join('\n', (stdout.Result + stderr.Result).Split('\n').Where(l => l.Contains("smallfish.service", StringComparison.Ordinal)));
            Assert.That(process.ExitCode, Is.Zero, stdout.Result + stderr.Result);
            Assert.That(problems, Is.Empty);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Unit_WatchdogAndStopTimeouts_FitTheServiceDefaults()
    {
        string unit = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "smallfish.service"));
        var loaded = new ServiceDirectory();
        try
        {
            var options = loaded.Load().Options.Service;
            int watchdogSec = int.Parse(Value(unit, "WatchdogSec"), System.Globalization.CultureInfo.InvariantCulture);
            int stopSec = int.Parse(Value(unit, "TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(Value(unit, "Type"), Is.EqualTo("notify"));
            Assert.That(options.ShutdownTimeoutSeconds, Is.LessThan(stopSec), "the host gives up before systemd kills it");
            Assert.That(options.LoopStallMs, Is.LessThan(watchdogSec * 1000), "a stall is reported before systemd's watchdog fires");
        }
        finally
        {
            loaded.Dispose();
        }
    }

    private static string Value(string unit, string key) =>
        unit.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
}
