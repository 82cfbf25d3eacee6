namespace Smallfish.Core.Brackets;

/// <summary>Where a position's protective stop stands.</summary>
public enum StopStage : byte
{
    /// <summary>At the initial stop (1R from the entry).</summary>
    Initial,

    /// <summary>Moved to the entry price after the partial take-profit.</summary>
    BreakEven,

    /// <summary>Trailing the best price.</summary>
    Trailing,
}
