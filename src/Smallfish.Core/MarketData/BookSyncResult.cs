namespace Smallfish.Core.MarketData;

/// <summary>What a synchronizer did with one book message.</summary>
public enum BookSyncResult : byte
{
    /// <summary>A delta was applied; the book is valid.</summary>
    Applied,

    /// <summary>A snapshot was applied (with any buffered deltas); the book is valid.</summary>
    Synced,

    /// <summary>A delta was held until a snapshot arrives (Binance).</summary>
    Buffered,

    /// <summary>The message was older than the book or arrived before any snapshot and cannot be used (Bybit); dropped.</summary>
    Ignored,

    /// <summary>A sequence gap: the book is invalid; request a fresh snapshot (Binance REST) or resubscribe (Bybit).</summary>
    Gap,

    /// <summary>The book crossed: it is invalid; resync as for a gap.</summary>
    Crossed,

    /// <summary>The snapshot is older than the buffered deltas (Binance): fetch another.</summary>
    StaleSnapshot,
}
