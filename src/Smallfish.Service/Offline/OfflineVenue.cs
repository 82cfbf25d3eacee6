using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Emulator;
using Smallfish.Emulator.Feed;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Service.Offline;

/// <summary>
/// <c>--offline</c>: the loopback venue emulator in this process, fed by the seeded synthetic generator (labelled
/// SYNTHETIC, never presented as market data) or by a recording (<c>--replay PATH</c>). Before the host is built it
/// points the configured exchange's testnet addresses and credentials at the emulator and makes the symbol table the
/// feed's, so every other part of the service runs unchanged against it. Nothing leaves 127.0.0.1.
/// </summary>
public sealed class OfflineVenue : IAsyncDisposable
{
    /// <summary>Length of a synthetic run: the stream ends after it and the emulator keeps serving its last book.</summary>
    public static readonly TimeSpan SyntheticDuration = TimeSpan.FromDays(7);

    private int _disposed;

    private OfflineVenue(VenueEmulator emulator, string description)
    {
        Emulator = emulator;
        Description = description;
    }

    /// <summary>The running emulator.</summary>
    public VenueEmulator Emulator { get; }

    /// <summary>What feeds it, e.g. <c>SYNTHETIC ... seed 1</c> or <c>recorded Bybit v5 ...</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// Opens the feed, starts the emulator and rewrites <paramref name="options"/> to use it. Throws
    /// <see cref="ConfigurationErrors"/> (one line) when the recording cannot be replayed.
    /// </summary>
    public static async Task<OfflineVenue> StartAsync(SmallfishOptions options, string? replayPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emulatorOptions = new VenueEmulatorOptions();
        IMarketFeedSource feed;
        if (replayPath is not null)
        {
            RecordedFeed recording;
            try
            {
                recording = MarketFeeds.OpenRecording(replayPath);
            }
            catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException or UnauthorizedAccessException)
            {
                throw new ConfigurationErrors([new ConfigurationError("--replay", replayPath, ex is FileNotFoundException ? "no such recording" : ex.Message)]);
            }

            foreach (InstrumentSpec spec in recording.Instruments) emulatorOptions.Instruments.Add(spec);
            emulatorOptions.FeedBookSync = recording.BookSync;
            feed = recording.Source;
        }
        else
        {
            string symbol = options.Symbols.Count > 0 ? options.Symbols[0].ToUpperInvariant() : "BTCUSDT";
            InstrumentSpec spec = options.Instruments.TryGetValue(symbol, out InstrumentOptions? grid) ? grid.ToSpec(symbol) : SyntheticMarketOptions.BtcUsdtLike();
            emulatorOptions.Instruments.Add(spec);
            var synthetic = new SyntheticMarketOptions { Instrument = spec, Duration = SyntheticDuration };
            if (spec.Symbol != "BTCUSDT") synthetic = synthetic with { InitialPrice = 100m };
            feed = MarketFeeds.Synthetic(synthetic);
        }

        VenueEmulator emulator = await VenueEmulator.StartAsync(emulatorOptions, feed, ct: cancellationToken).ConfigureAwait(false);
        PointAt(options, emulator);
        emulator.Feed.Start(speed: 1.0);
        return new OfflineVenue(emulator, emulator.Feed.Description);
    }

    /// <summary>Stops the feed and the emulator (once; later calls do nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Emulator.Feed.StopAsync().ConfigureAwait(false);
        await Emulator.DisposeAsync().ConfigureAwait(false);
    }

    private static void PointAt(SmallfishOptions options, VenueEmulator emulator)
    {
        options.Symbols = [.. emulator.Options.Instruments.Select(i => i.Symbol)];
        foreach (InstrumentSpec spec in emulator.Options.Instruments)
        {
            options.Instruments[spec.Symbol] = new InstrumentOptions { TickSize = spec.TickSize, QtyStep = spec.QtyStep, MinQty = spec.MinQty, MinNotional = spec.MinNotional };
        }

        bool binance = options.Exchange.Name == ExchangeName.Binance;
        ExchangeEndpoints endpoints = emulator.Endpoints(binance ? ExchangeKind.Binance : ExchangeKind.Bybit);
        var local = new EndpointOptions
        {
            RestBaseUrl = endpoints.RestBaseUrl.ToString().TrimEnd('/'),
            PublicWsUrl = endpoints.PublicWsUrl.ToString(),
            MarketWsUrl = (endpoints.MarketWsUrl ?? endpoints.PublicWsUrl).ToString(),
            PrivateWsUrl = endpoints.PrivateWsUrl.ToString(),
        };
        options.Exchange.Testnet = true;
        options.Exchange.Live = false;
        if (binance) options.Exchange.Binance.Testnet = local;
        else options.Exchange.Bybit.Testnet = local;
        options.Secrets.ApiKey = emulator.Options.ApiKey;
        options.Secrets.ApiSecret = emulator.Options.ApiSecret;
    }
}
