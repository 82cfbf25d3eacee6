namespace Smallfish.Core.Domain;

/// <summary>How long an order rests.</summary>
public enum TimeInForce : byte
{
    /// <summary>Rests until filled or cancelled.</summary>
    GoodTillCancel,

    /// <summary>Rests as maker only; rejected if it would take liquidity.</summary>
    PostOnly,

    /// <summary>Fills what it can at once; the rest is cancelled.</summary>
    ImmediateOrCancel,

    /// <summary>Fills completely at once or not at all.</summary>
    FillOrKill,
}
