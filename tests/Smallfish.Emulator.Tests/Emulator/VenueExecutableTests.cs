using System.Diagnostics;
using System.Text.Json;
using Smallfish.Emulator.Tests.Support;

namespace Smallfish.Emulator.Tests.Emulator;

/// <summary>Runs the real <c>smallfish-venue</c> executable (dotnet smallfish-venue.dll) on loopback.</summary>
public sealed class VenueExecutableTests
{
    [Test]
    public async Task SmallfishVenue_SyntheticAsFastAsPossible_PrintsUrlsServesBothProtocolsAndFinishesFeed()
    {
        var start = Start("--port", "0", "--speed", "0", "--minutes", "2", "--seed", "5");
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            string? listening = null;
            while (listening is null && await ReadLineAsync(process) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("smallfish-venue listening on ", StringComparison.Ordinal)) listening = line["smallfish-venue listening on ".Length..];
            }
            Assert.That(listening, Is.Not.Null, string.Join("\n", lines));
            Assert.That(new Uri(listening!).Host, Is.EqualTo("127.0.0.1"));

            using var http = new HttpClient { BaseAddress = new Uri(listening!) };
            using var bybit = JsonDocument.Parse(await http.GetStringAsync("/v5/market/time"));
            using var binance = JsonDocument.Parse(await http.GetStringAsync("/fapi/v1/time"));
            Assert.That(bybit.RootElement.GetProperty("retCode").GetInt32(), Is.Zero);
            Assert.That(binance.RootElement.GetProperty("serverTime").GetInt64(), Is.GreaterThan(0));

            string? finished = null;
            while (finished is null && await ReadLineAsync(process) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("feed finished", StringComparison.Ordinal)) finished = line;
            }
            Assert.That(finished, Is.Not.Null, string.Join("\n", lines));
            Assert.That(lines, Has.Some.StartsWith("feed SYNTHETIC BTCUSDT seed 5"));
            Assert.That(string.Join("\n", lines), Does.Not.Contain(new VenueEmulatorOptions().ApiSecret), "the secret is never printed");
            using var depth = JsonDocument.Parse(await http.GetStringAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5"));
            Assert.That(depth.RootElement.GetProperty("bids").GetArrayLength(), Is.EqualTo(5));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public void SmallfishVenue_SyntheticAndReplayTogether_RefusedWithNonZeroExit()
    {
        using var process = Process.Start(Start("--synthetic", "--replay", SharedFolder.Data("hftbacktest-binance-usdm/btcusdt_20240718.gz")))!;
        string error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(process.ExitCode, Is.Not.Zero);
        Assert.That(error, Does.Contain("exclude each other"));
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    private static ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(VenueDll());
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("SMALLFISH_VENUE_API_KEY");
        start.Environment.Remove("SMALLFISH_VENUE_API_SECRET");
        return start;
    }

    private static string DotnetHost()
    {
        string? host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
    }

    private static string VenueDll()
    {
        // tests/Smallfish.Emulator.Tests/bin/<Configuration>/<tfm>/ -> src/Smallfish.Venue/bin/<Configuration>/<tfm>/smallfish-venue.dll
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        string tfm = testDirectory.Name;
        string configuration = testDirectory.Parent!.Name;
        var root = testDirectory.Parent!.Parent!.Parent!.Parent!.Parent!;
        string dll = Path.Combine(root.FullName, "src", "Smallfish.Venue", "bin", configuration, tfm, "smallfish-venue.dll");
        Assert.That(dll, Does.Exist, "build the solution first: the test project references Smallfish.Venue so it is built with it");
        return dll;
    }
}
