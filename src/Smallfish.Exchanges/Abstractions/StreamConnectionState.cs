namespace Smallfish.Exchanges.Abstractions;

/// <summary>Life-cycle of one WebSocket connection.</summary>
public enum StreamConnectionState : byte
{
    /// <summary>Connected and (re)subscribed.</summary>
    Connected,

    /// <summary>Lost; a reconnect is scheduled.</summary>
    Disconnected,

    /// <summary>The venue refused authentication.</summary>
    AuthFailed,

    /// <summary>Replaced by a fresh connection before the venue's lifetime limit (Binance 24 h).</summary>
    Cycled,
}
