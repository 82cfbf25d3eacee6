namespace Smallfish.Exchanges.Streams;

/// <summary>Per-connection behaviour chosen by the venue client.</summary>
/// <param name="Kind">"public" or "private", for logs.</param>
/// <param name="IsPrivate">Private stream (frames never dropped).</param>
/// <param name="HeartbeatInterval">Application-level ping period; zero for none.</param>
/// <param name="HeartbeatPayload">The ping message (Bybit <c>{"op":"ping"}</c>).</param>
/// <param name="StaleTimeout">Silence after which the connection is dropped; zero disables.</param>
/// <param name="Lifetime">Age after which <paramref name="OnLifetimeExpired"/> is called (Binance 24 h cycling); zero for none.</param>
/// <param name="OnLifetimeExpired">Called on a timer thread when the lifetime is over.</param>
internal sealed record ConnectionSettings(
    string Kind,
    bool IsPrivate,
    TimeSpan HeartbeatInterval,
    byte[]? HeartbeatPayload,
    TimeSpan StaleTimeout,
    TimeSpan Lifetime = default,
    Action<ManagedWebSocket>? OnLifetimeExpired = null);
