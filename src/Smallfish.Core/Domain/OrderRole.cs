namespace Smallfish.Core.Domain;

/// <summary>Why the engine placed an order; carried in the client order id and the journal.</summary>
public enum OrderRole : byte
{
    /// <summary>Opens or adds to a position.</summary>
    Entry,

    /// <summary>Protective stop-loss (reduce-only).</summary>
    StopLoss,

    /// <summary>Take-profit (reduce-only).</summary>
    TakeProfit,

    /// <summary>Partial take-profit (reduce-only).</summary>
    PartialTakeProfit,

    /// <summary>Closes a position at market (time stop, kill switch flatten, signal exit).</summary>
    Exit,

    /// <summary>A multigrid level order.</summary>
    GridLevel,

    /// <summary>A multigrid level's take-profit.</summary>
    GridTakeProfit,
}
