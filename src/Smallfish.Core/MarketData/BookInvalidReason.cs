namespace Smallfish.Core.MarketData;

/// <summary>Why a book may not be traded on.</summary>
public enum BookInvalidReason : byte
{
    /// <summary>The book is valid.</summary>
    None = 0,

    /// <summary>No snapshot has been applied yet.</summary>
    NoSnapshot,

    /// <summary>A sequence gap was detected; a resync is needed.</summary>
    SequenceGap,

    /// <summary>Best bid is at or above best ask.</summary>
    Crossed,

    /// <summary>The snapshot was older than the buffered deltas; fetch another.</summary>
    StaleSnapshot,

    /// <summary>The connection was lost or reset.</summary>
    Disconnected,

    /// <summary>No update for longer than the staleness limit.</summary>
    Stale,
}
