using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Hosting;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Symbols;

/// <summary>The whole service start-up, in process: AUTO_SYMBOLS from the environment drives the scan, /status shows the choice.</summary>
public sealed class AutoSymbolsServiceTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Run_AutoSymbolsEnvironment_ScannedSymbolsAndExchangeGridsInStatus()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(new Dictionary<string, string>
        {
            ["/v5/market/instruments-info"] = RealVenueMessages.BybitInstrumentsLinear,
            ["/v5/market/tickers"] = RealVenueMessages.BybitTickers(),
        });
        int port = ServiceDirectory.FreePort();
        Dictionary<string, string?> overrides = ServiceDirectory.LoopbackExchangeOverrides();
        overrides["Exchange:Bybit:Mainnet:RestBaseUrl"] = venue.BaseUrl;
        overrides["Journal:DataDirectory"] = _dir.DataDirectory;
        overrides["Service:FileLogs"] = "false";
        overrides["Service:HeartbeatIntervalMs"] = "100";
        overrides["Status:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new ServiceRunRequest(
            new SmallfishConfigurationRequest
            {
                ConfigDirectory = _dir.ConfigDirectory,
                Environment = new Dictionary<string, string?> { ["AUTO_SYMBOLS"] = "3" },
                Overrides = overrides,
                WorkingDirectory = _dir.Root,
            },
            new RunModeRequest { Paper = true });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Task<int> run = ServiceRunner.RunAsync(request, TextWriter.Synchronized(output), TextWriter.Synchronized(error), stop.Token);

        JsonElement selection = await WaitForSelectionAsync(port, run);
        await stop.CancelAsync();
        int exitCode = await run;

        Assert.Multiple(() =>
        {
            Assert.That(selection.GetProperty("auto").GetBoolean(), Is.True);
            Assert.That(selection.GetProperty("autoCount").GetInt32(), Is.EqualTo(3));
            Assert.That(selection.GetProperty("grids").GetString(), Is.EqualTo("exchange"));
            Assert.That(selection.GetProperty("chosen").EnumerateArray().Select(c => c.GetProperty("symbol").GetString()), Is.EqualTo(new[] { "BTCUSDT", "SOLUSDT", "DOGEUSDT" }));
            Assert.That(selection.GetProperty("chosen")[0].GetProperty("rank").GetInt32(), Is.EqualTo(1));
            Assert.That(venue.Calls.GetValueOrDefault("/v5/market/tickers"), Is.EqualTo(1));
            Assert.That(exitCode, Is.Zero, error.ToString());
        });
    }

    private static async Task<JsonElement> WaitForSelectionAsync(int port, Task<int> run)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int attempt = 0; attempt < 300; attempt++)
        {
            Assert.That(run.IsCompleted, Is.False, "the service stopped before /status answered");
            try
            {
                using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{port}/status");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    JsonElement status = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (status.TryGetProperty("symbolSelection", out JsonElement selection) && selection.ValueKind == JsonValueKind.Object) return selection.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("/status never showed the symbol selection");
        return default;
    }
}
