namespace Smallfish.Core.Risk;

/// <summary>
/// Why a pre-trade gate refused an entry (or <see cref="Pass"/>). Journaled with every decision so a user can see
/// which gates block trades, and with every shadow trade so they can see whether each gate earns its keep.
/// </summary>
public enum GateReason : byte
{
    /// <summary>All gates passed.</summary>
    Pass = 0,

    /// <summary>The kill switch is tripped.</summary>
    KillSwitch,

    /// <summary>Spread wider than the limit.</summary>
    SpreadTooWide,

    /// <summary>Feed latency above the limit.</summary>
    FeedLatency,

    /// <summary>Inside the window around a funding time.</summary>
    FundingWindow,

    /// <summary>Cooling down after a losing trade.</summary>
    Cooldown,

    /// <summary>Daily loss limit reached.</summary>
    DailyLossLimit,

    /// <summary>The book is invalid (gap, crossed, not synced).</summary>
    BookInvalid,

    /// <summary>The book has not updated for too long.</summary>
    BookStale,

    /// <summary>A position in this symbol is already open.</summary>
    PositionOpen,

    /// <summary>The maximum number of concurrent positions is reached.</summary>
    MaxConcurrentPositions,

    /// <summary>Not enough margin for the smallest valid order.</summary>
    InsufficientMargin,

    /// <summary>Sizing produced less than the exchange minimum.</summary>
    BelowMinimumSize,

    /// <summary>An entry order for this symbol is already working.</summary>
    EntryWorking,

    /// <summary>Trading halted by the heartbeat (stale feed, stalled loop) or during shutdown.</summary>
    Halted,

    /// <summary>
    /// The engine is taking over the exchange's orders and positions after a restart: entries wait until every
    /// position has a confirmed stop and every order the reconciliation cancelled is gone.
    /// </summary>
    Reconciling,
}
