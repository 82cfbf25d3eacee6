namespace Smallfish.Core.Domain;

/// <summary>Normalized reasons an exchange refuses or cancels an order, mapped from each exchange's error codes.</summary>
public enum RejectReason : byte
{
    /// <summary>No reject.</summary>
    None = 0,

    /// <summary>A post-only order would have taken liquidity.</summary>
    PostOnlyWouldTake,

    /// <summary>Not enough margin or balance.</summary>
    InsufficientMargin,

    /// <summary>A reduce-only order would have increased the position.</summary>
    ReduceOnlyViolated,

    /// <summary>The order is unknown (already gone, never arrived).</summary>
    OrderNotFound,

    /// <summary>The client order id was already used.</summary>
    DuplicateClientOrderId,

    /// <summary>Rate limit hit; retry later.</summary>
    RateLimited,

    /// <summary>The request timestamp was outside the exchange's window (clock skew).</summary>
    TimestampOutOfWindow,

    /// <summary>Bad key, signature or permissions.</summary>
    AuthFailed,

    /// <summary>Price or quantity off the grid, below minimums or outside the price band.</summary>
    InvalidPriceOrQty,

    /// <summary>An IOC order found nothing to fill within its limit.</summary>
    NoLiquidity,

    /// <summary>The exchange or network failed in a way that may be transient.</summary>
    Transient,

    /// <summary>Anything else.</summary>
    Other,
}
