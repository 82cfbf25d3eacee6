using Smallfish.Core.MarketData;

namespace Smallfish.Monitoring.Status;

/// <summary>Order book health and top of book for one symbol.</summary>
public sealed record BookStatus
{
    /// <summary>True when the book is synced and may be traded on.</summary>
    public bool Valid { get; init; }

    /// <summary>Why it may not be traded on (<see cref="BookInvalidReason.None"/> when valid).</summary>
    public BookInvalidReason InvalidReason { get; init; }

    /// <summary>Best bid, or null when the side is empty.</summary>
    public decimal? BestBid { get; init; }

    /// <summary>Best ask, or null when the side is empty.</summary>
    public decimal? BestAsk { get; init; }

    /// <summary>Mid price, or null without both sides.</summary>
    public decimal? Mid { get; init; }

    /// <summary>Spread in ticks (0 without both sides).</summary>
    public long SpreadTicks { get; init; }

    /// <summary>Latest feed latency (local receive minus exchange time), milliseconds.</summary>
    public double FeedLatencyMs { get; init; }

    /// <summary>Time since the book last changed, milliseconds.</summary>
    public double LastUpdateAgeMs { get; init; }
}
