namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Raised, in order with the frames, when state derived from a stream can no longer be trusted. For a public book
/// (<see cref="Symbol"/> set) the book synchronizer must reset; the client itself requests a fresh snapshot (Bybit:
/// resubscribe, Binance: REST depth snapshot). For the private stream (<see cref="IsPrivate"/>) the owner must
/// re-pull open orders, positions and the wallet: events sent while disconnected are not replayed.
/// </summary>
/// <param name="Symbol">Book symbol, or null for the private stream.</param>
/// <param name="IsPrivate">True for the private (account) stream.</param>
/// <param name="Reason">Why.</param>
public sealed record StreamResyncSignal(string? Symbol, bool IsPrivate, ResyncReason Reason);
