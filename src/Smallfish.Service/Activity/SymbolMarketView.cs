using Smallfish.Core.MarketData;

namespace Smallfish.Service.Activity;

/// <summary>
/// One symbol's market and fusion as the engine saw it at a published snapshot (copied on the loop's thread).
/// Prices are decimals (null when the side is empty).
/// </summary>
public sealed record SymbolMarketView
{
    /// <summary>Exchange symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Best bid.</summary>
    public decimal? BestBid { get; init; }

    /// <summary>Best ask.</summary>
    public decimal? BestAsk { get; init; }

    /// <summary>Spread in ticks (0 without both sides).</summary>
    public long SpreadTicks { get; init; }

    /// <summary>True when the book is synced.</summary>
    public bool BookValid { get; init; }

    /// <summary>Why the book may not be traded on.</summary>
    public BookInvalidReason InvalidReason { get; init; }

    /// <summary>Local receive time of the book's latest message, ns (0 = never).</summary>
    public long BookLocalTsNs { get; init; }

    /// <summary>Volatility regime 0..3 (low, normal, high, extreme) as the fusion classified it; -1 when unknown.</summary>
    public int Regime { get; init; } = -1;

    /// <summary>Fused direction: +1, -1 or 0.</summary>
    public int Direction { get; init; }

    /// <summary>Fused confidence 0..1.</summary>
    public double Confidence { get; init; }

    /// <summary>Active signals.</summary>
    public int ActiveCount { get; init; }

    /// <summary>Active signals agreeing with the direction.</summary>
    public int AgreeingCount { get; init; }

    /// <summary>True when the entry rule was met.</summary>
    public bool WantsEntry { get; init; }

    /// <summary>The mid, when both sides are known.</summary>
    public decimal? Mid => BestBid is { } b && BestAsk is { } a ? (b + a) / 2 : null;
}
