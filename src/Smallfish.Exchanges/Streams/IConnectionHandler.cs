namespace Smallfish.Exchanges.Streams;

/// <summary>The venue-specific part of one connection: where to connect and what to send once connected.</summary>
internal interface IConnectionHandler
{
    /// <summary>The URL for the next connect (may do I/O, e.g. obtain a Binance listen key). Throwing schedules a retry.</summary>
    ValueTask<Uri> GetUriAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct);

    /// <summary>
    /// Runs after the handshake while frames are already being received: authenticate, subscribe, fetch snapshots.
    /// Throwing drops the connection and schedules a reconnect.
    /// </summary>
    Task OnOpenedAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct);
}
