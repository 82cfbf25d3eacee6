using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Emulator;
using Smallfish.Emulator.Feed;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Bench;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// The loopback venue emulator replaying a real recording (shared/data/real, never copied), with the configuration
/// overrides that point the service at it, and helpers that read the service's journal file next to the emulator's
/// own records.
/// </summary>
internal sealed class TradingVenue : IAsyncDisposable
{
    /// <summary>The recording replayed: hftbacktest Binance USD-M BTCUSDT, 2024-07-18.</summary>
    public const string Recording = "hftbacktest-binance-usdm/btcusdt_20240718.gz";

    private TradingVenue(VenueEmulator emulator, InstrumentSpec spec)
    {
        Emulator = emulator;
        Spec = spec;
    }

    public VenueEmulator Emulator { get; }

    public InstrumentSpec Spec { get; }

    public string Symbol => Spec.Symbol;

    /// <summary>Starts the emulator on the recording and steps it until the venue's book is synced (the feed is not running yet).</summary>
    public static async Task<TradingVenue> StartAsync()
    {
        RecordedFeed recording = MarketFeeds.OpenRecording(Path.Combine(TestPaths.SharedData, Recording));
        var options = new VenueEmulatorOptions { WebSocketKeepAlive = TimeSpan.Zero, FeedBookSync = recording.BookSync };
        foreach (InstrumentSpec s in recording.Instruments) options.Instruments.Add(s);
        VenueEmulator emulator = await VenueEmulator.StartAsync(options, recording.Source);
        InstrumentSpec spec = recording.Instruments.First(s => s.Symbol == "BTCUSDT");
        for (int i = 0; i < 20_000 && emulator.GetBook(spec.Symbol, 1).Bids.Count == 0; i++) emulator.Feed.Step();
        Assert.That(emulator.GetBook(spec.Symbol, 1).Bids.Count, Is.EqualTo(1), "the venue's book synced from the recording");
        return new TradingVenue(emulator, spec);
    }

    /// <summary>
    /// Overrides (keys relative to Smallfish) for trading <see cref="Symbol"/> on the emulator's Bybit (or
    /// <paramref name="exchange"/>) protocol, on
    /// <paramref name="network"/> (Mainnet: paper reads the mainnet public streams; Testnet: keys and orders), with an
    /// entry threshold low enough that the replayed minute produces entries (a configured profile, not a fake signal).
    /// </summary>
    public Dictionary<string, string?> Overrides(string network, bool keys, ExchangeKind exchange = ExchangeKind.Bybit)
    {
        ExchangeEndpoints ep = Emulator.Endpoints(exchange);
        string prefix = $"Exchange:{exchange}:{network}:";
        var o = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Exchange:Name"] = exchange.ToString(),
            ["Symbols:0"] = Symbol,
            [$"Instruments:{Symbol}:TickSize"] = Spec.TickSize.ToString(CultureInfo.InvariantCulture),
            [$"Instruments:{Symbol}:QtyStep"] = Spec.QtyStep.ToString(CultureInfo.InvariantCulture),
            [$"Instruments:{Symbol}:MinQty"] = Spec.MinQty.ToString(CultureInfo.InvariantCulture),
            [$"Instruments:{Symbol}:MinNotional"] = Spec.MinNotional.ToString(CultureInfo.InvariantCulture),
            [prefix + "RestBaseUrl"] = ep.RestBaseUrl.ToString().TrimEnd('/'),
            [prefix + "PublicWsUrl"] = ep.PublicWsUrl.ToString(),
            [prefix + "MarketWsUrl"] = (ep.MarketWsUrl ?? ep.PublicWsUrl).ToString(),
            [prefix + "PrivateWsUrl"] = ep.PrivateWsUrl.ToString(),
            ["Paper:StartingEquity"] = "10000",
            ["Service:HeartbeatIntervalMs"] = "200",
        };
        foreach ((string key, string? value) in LatencyBenchmark.BenchOverrides) o[key] = value;
        if (keys)
        {
            o["Secrets:ApiKey"] = Emulator.Options.ApiKey;
            o["Secrets:ApiSecret"] = Emulator.Options.ApiSecret;
        }

        return o;
    }

    /// <summary>Net position (lots, + long) from the journal's fills of <see cref="Symbol"/>.</summary>
    public static long JournalNetLots(string databasePath, string symbol)
    {
        using JournalReader reader = JournalReader.Open(databasePath);
        long net = 0;
        foreach (Fill f in reader.ReadAllFills())
        {
            if (f.Symbol == symbol) net += f.Side == Side.Buy ? f.QtyLots : -f.QtyLots;
        }

        return net;
    }

    public static int JournalFills(string databasePath)
    {
        if (!File.Exists(databasePath)) return 0;
        using JournalReader reader = JournalReader.Open(databasePath);
        return reader.ReadAllFills().Count;
    }

    public static OrderRole? RoleOf(string clientOrderId) => ClientOrderId.TryParse(clientOrderId, out var parts) ? parts.Role : null;

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
