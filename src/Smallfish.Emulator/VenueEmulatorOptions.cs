using Smallfish.Core.Instruments;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;

namespace Smallfish.Emulator;

/// <summary>
/// Settings of a <see cref="VenueEmulator"/>. The defaults give a loopback server on an OS-chosen port serving both
/// protocols for one account with 10,000 USDT, Bybit VIP 0 fees and the venue's margin check at the default leverage.
/// </summary>
public sealed class VenueEmulatorOptions
{
    /// <summary>Address to bind. Only loopback addresses are accepted unless <see cref="AllowNonLoopback"/> is set.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 lets the OS choose (read it back from <see cref="VenueEmulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>Allow binding an address other than loopback (an explicit, deliberate choice: the emulator has no TLS).</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>Protocols served.</summary>
    public EmulatorSurfaces Surfaces { get; set; } = EmulatorSurfaces.Both;

    /// <summary>The one account's API key (both protocols).</summary>
    public string ApiKey { get; set; } = "smallfish-emulator-key";

    /// <summary>The one account's HMAC secret (never logged).</summary>
    public string ApiSecret { get; set; } = "smallfish-emulator-secret";

    /// <summary>Tradable instruments; a market event's symbol id is its index in this list.</summary>
    public IList<InstrumentSpec> Instruments { get; } = new List<InstrumentSpec>();

    /// <summary>Wallet balance at start, USDT.</summary>
    public decimal InitialBalance { get; set; } = 10_000m;

    /// <summary>Leverage of every symbol until the client sets another one.</summary>
    public int DefaultLeverage { get; set; } = 10;

    /// <summary>Highest leverage the instruments offer.</summary>
    public int MaxLeverage { get; set; } = 100;

    /// <summary>Leverage of the venue's margin check (0 = no margin check); see <see cref="SimulatedVenueOptions.Leverage"/>.</summary>
    public decimal MarginCheckLeverage { get; set; } = 10m;

    /// <summary>Trading fees of the shared venue.</summary>
    public IFeeModel Fees { get; set; } = MakerTakerFeeModel.BybitVip0;

    /// <summary>
    /// How the venue applies the feed's book messages: <see cref="BookSyncMode.Unchecked"/> for a generator or a
    /// stream already checked upstream; the exchange's own rules for a raw recording.
    /// </summary>
    public BookSyncMode FeedBookSync { get; set; } = BookSyncMode.Unchecked;

    /// <summary>
    /// False (default): the depth streams and REST depth publish the market's book as the feed states it, while our own
    /// taker orders' removed liquidity stays a matching-side model (a second order cannot take it again) that nobody
    /// sees, as a backtest's strategy does not see it either. True: the published book also shows what our own taker
    /// orders removed, until the next feed message restates the level.
    /// </summary>
    public bool PublishOwnTakerImpact { get; set; }

    /// <summary>The server clock: REST times, signature windows, listen-key expiry, frame timestamps, real-time pacing.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Binance listen-key validity after create or keep-alive (doc: 60 min).</summary>
    public TimeSpan ListenKeyLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Server-side WebSocket keep-alive (Binance pings every 3 min); zero disables.</summary>
    public TimeSpan WebSocketKeepAlive { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Frames queued per connection before the connection is dropped as a slow consumer.</summary>
    public int MaxQueuedFrames { get; set; } = 100_000;

    /// <summary>Seed of every random fault (the venue's random rejects and the emulator's random 5xx/drops).</summary>
    public ulong FaultSeed { get; set; }

    /// <summary>Checks the settings; returns every problem found.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Instruments.Count == 0) errors.Add("Instruments: at least one instrument is required");
        if (Instruments.Select(i => i.Symbol).Distinct(StringComparer.Ordinal).Count() != Instruments.Count) errors.Add("Instruments: symbols must be unique");
        if (Port is < 0 or > 65535) errors.Add($"Port: {Port} is not a port number");
        if (string.IsNullOrWhiteSpace(ApiKey)) errors.Add("ApiKey: required");
        if (string.IsNullOrWhiteSpace(ApiSecret)) errors.Add("ApiSecret: required");
        if (DefaultLeverage < 1 || DefaultLeverage > MaxLeverage) errors.Add($"DefaultLeverage: {DefaultLeverage} must be within 1..{MaxLeverage}");
        if (InitialBalance < 0) errors.Add("InitialBalance: must be >= 0");
        if (MaxQueuedFrames < 16) errors.Add("MaxQueuedFrames: must be >= 16");
        if (ListenKeyLifetime <= TimeSpan.Zero) errors.Add("ListenKeyLifetime: must be positive");
        if (Surfaces == 0) errors.Add("Surfaces: serve at least one protocol");
        return errors;
    }
}
