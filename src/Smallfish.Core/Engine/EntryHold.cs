namespace Smallfish.Core.Engine;

/// <summary>Why new entries are blocked, besides the kill switch. Several holds may be active at once.</summary>
[Flags]
public enum EntryHold
{
    /// <summary>No hold.</summary>
    None = 0,

    /// <summary>Market data stopped arriving for longer than the staleness limit.</summary>
    FeedStale = 1,

    /// <summary>The engine loop fell behind (it stalled or its input queue overflowed).</summary>
    LoopStalled = 2,

    /// <summary>The service is stopping.</summary>
    ShuttingDown = 4,

    /// <summary>Start-up reconciliation against the venue has not finished.</summary>
    Reconciling = 8,

    /// <summary>
    /// The private stream (orders, fills) reconnected and what the venue did meanwhile has not been read back yet
    /// (or it is down): the engine's picture of its orders and position may be out of date.
    /// </summary>
    PrivateStreamResync = 16,
}
