namespace Smallfish.Venue;

/// <summary>What the command line asked for, validated.</summary>
/// <param name="Surfaces">Protocols to serve.</param>
/// <param name="Host">Address to bind.</param>
/// <param name="Port">Port to bind (0 = any free port).</param>
/// <param name="AllowNonLoopback">Bind a non-loopback address deliberately.</param>
/// <param name="ReplayPath">Recording to replay, or null for the synthetic market.</param>
/// <param name="Seed">Synthetic seed.</param>
/// <param name="Symbol">Synthetic symbol.</param>
/// <param name="Price">Synthetic start price.</param>
/// <param name="Duration">Synthetic stream length.</param>
/// <param name="Speed">Pace factor (1 = real time, 0 = as fast as possible).</param>
/// <param name="ApiKey">The account's API key.</param>
/// <param name="ApiSecret">The account's API secret.</param>
/// <param name="Balance">Starting USDT balance.</param>
internal sealed record VenueSettings(
    Emulator.EmulatorSurfaces Surfaces,
    string Host,
    int Port,
    bool AllowNonLoopback,
    string? ReplayPath,
    long Seed,
    string Symbol,
    decimal Price,
    TimeSpan Duration,
    double Speed,
    string ApiKey,
    string ApiSecret,
    decimal Balance);
