using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Offline;
using Smallfish.Service.Systemd;
using Smallfish.Service.Trading;

namespace Smallfish.Service.Bench;

/// <summary>
/// <c>smallfish bench latency</c>: the service's own host and trading engine against the loopback venue emulator (the
/// offline mode's, fed by a recording or the synthetic generator), with the exchange REST client's sockets wrapped so
/// the time from a book frame's receipt by the stream client to the first bytes of the order request it caused can be
/// measured. Prints p50 / p99 / p99.9 in microseconds. The journal goes to a temporary directory.
/// </summary>
public static class LatencyBenchmark
{
    /// <summary>
    /// A trading profile loose enough that the engine places orders often and soon after start (also what the service's trading tests use) (so there is something to measure); any
    /// <c>--set</c> of the same key wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> BenchOverrides { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Fusion:EnterConfidence"] = "0.05",
        ["Routing:CancelWhenConfidenceBelow"] = "0.01",
        ["Fusion:MinSignals"] = "1",
        ["Fusion:MinAgreement"] = "0.05",
        ["Fusion:MaxOpposingSignals"] = "13",
        ["Fusion:BlockExtremeRegime"] = "false",
        ["Gates:MaxSpreadTicks"] = "50",
        ["Gates:CooldownAfterLossSeconds"] = "0",
        ["Gates:FundingWindowMinutes"] = "0",
        // Features warm up over their longest window (60 s by default): 8 s here, so a short run trades.
        ["Microstructure:RvLongWindowMs"] = "8000",
        ["Microstructure:FlowLongWindowMs"] = "8000",
        ["Microstructure:DivergenceWindowMs"] = "4000",
        ["Microstructure:VwapWindowMs"] = "8000",
        ["Status:Enabled"] = "false",
        ["Service:FileLogs"] = "false",
    };

    /// <summary>
    /// Benchmark only, on top of <see cref="BenchOverrides"/>: tight stops, 1:1 targets and a 5 s time stop, so
    /// positions close quickly and new entries (orders caused by book frames) keep coming.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ChurnOverrides { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Risk:RewardRisk"] = "1.0",
        ["Risk:DailyLossLimitR"] = "1000",
        ["Risk:TimeStopSeconds"] = "5",
        ["Risk:Stop:MinTicks"] = "2",
        ["Risk:Stop:MinBps"] = "0.5",
    };

    /// <summary>Runs the benchmark for <paramref name="duration"/> with the feed at <paramref name="speed"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(SmallfishConfigurationRequest request, string? replayPath, TimeSpan duration, double speed, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        var overrides = new Dictionary<string, string?>(BenchOverrides, StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in ChurnOverrides) overrides[key] = value;
        foreach ((string key, string? value) in request.Overrides) overrides[key] = value;
        string data = Path.Combine(Path.GetTempPath(), "smallfish-bench-" + Guid.NewGuid().ToString("N"));
        overrides["Journal:DataDirectory"] = data;
        LoadedSmallfishConfiguration loaded;
        try
        {
            loaded = SmallfishConfiguration.Load(request with { Overrides = overrides });
        }
        catch (ConfigurationErrors errors)
        {
            return ConfigurationErrorReporter.Report(errors, error);
        }

        Directory.CreateDirectory(data);
        try
        {
            await using OfflineVenue venue = await OfflineVenue.StartAsync(loaded.Options, replayPath).ConfigureAwait(false);
            await venue.Emulator.Feed.StopAsync().ConfigureAwait(false);
            var recorder = new LatencyRecorder();
            var context = new RunContext(loaded.Options, RunMode.Offline, loaded.ConfigDirectory, loaded.Scrubber, request.Environment);
            using var notifier = new SystemdNotifier(null);
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = data, DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddSmallfish(loaded.Configuration);
            builder.Services.AddSmallfishService(context, notifier);
            foreach (string name in new[] { "bybit", "binance" })
            {
                builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    ConnectCallback = async (ctx, ct) =>
                    {
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        await socket.ConnectAsync(ctx.DnsEndPoint, ct).ConfigureAwait(false);
                        return new ProbeStream(new NetworkStream(socket, ownsSocket: true), recorder);
                    },
                });
            }

            using IHost host = builder.Build();
            await host.StartAsync().ConfigureAwait(false);
            if (host.Services.GetRequiredService<IEngineCoreFactory>() is TradingEngineCoreFactory factory) factory.Probe.CommandIssued = recorder.OnCommand;
            venue.Emulator.Feed.Start(speed);
            await Task.Delay(duration).ConfigureAwait(false);
            await venue.Emulator.Feed.StopAsync().ConfigureAwait(false);
            var core = host.Services.GetRequiredService<EngineLoopService>().Engine as ServiceEngineCore;
            await host.StopAsync().ConfigureAwait(false);

            output.WriteLine($"smallfish bench latency: {venue.Description}, feed speed {speed.ToString(CultureInfo.InvariantCulture)}x, {duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, order path {core?.OrderPath ?? "?"}");
            output.WriteLine($"book frame received -> order request bytes written: {recorder.Describe()}");
            output.WriteLine($"  of which frame received -> engine's order command: {recorder.DescribeDecided()}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"orders sent {core?.Engine.Orders.Sent ?? 0}, market events processed {host.Services.GetRequiredService<EngineLoop>().Counters.MarketEvents}"));
            if (core?.Engine.State.Published?.KillSwitch is { IsTripped: true } kill) output.WriteLine($"kill switch tripped: {kill.Reason} {kill.Detail}");
            using (var reader = Smallfish.Persistence.Reading.JournalReader.Open(Path.Combine(data, "journal.db")))
            {
                var gates = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var d in reader.ReadDecisions(0, long.MaxValue)) gates[d.Gate.ToString()] = gates.GetValueOrDefault(d.Gate.ToString()) + 1;
                output.WriteLine("decisions by gate: " + string.Join(", ", gates.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Value}"))));
            }

            return recorder.Count > 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is harmless.
            }
        }
    }
}
