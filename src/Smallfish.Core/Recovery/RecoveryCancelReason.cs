namespace Smallfish.Core.Recovery;

/// <summary>Why the restart reconciliation cancelled an open order.</summary>
public enum RecoveryCancelReason : byte
{
    /// <summary>A Smallfish entry still working: no router of this run owns it.</summary>
    StaleEntry,

    /// <summary>A Smallfish protective order (stop, take-profit, partial, exit) with no position for it to protect.</summary>
    NoPosition,

    /// <summary>A second protective order of the same role for the same position (the largest, latest one is kept).</summary>
    Duplicate,

    /// <summary>A Smallfish order that does not fit the position (wrong side, not reduce-only, another take-profit kind, a grid order).</summary>
    Mismatch,

    /// <summary>An order with a client id Smallfish did not make, cancelled because <c>Risk:Recovery:ForeignOrders</c> is <c>cancel</c>.</summary>
    Foreign,
}
