namespace Smallfish.Exchanges.Abstractions;

/// <summary>A connection changed state.</summary>
/// <param name="ConnectionId">Index of the connection within its stream client.</param>
/// <param name="IsPrivate">True for the private stream.</param>
/// <param name="State">New state.</param>
/// <param name="Detail">Short reason (no URLs with query strings, no keys).</param>
public sealed record StreamConnectionEvent(int ConnectionId, bool IsPrivate, StreamConnectionState State, string? Detail);
