namespace Smallfish.Core.Execution;

/// <summary>What an order update meant for a tracked order, as the <see cref="OrderEmitter"/> classified it.</summary>
public enum OrderEvent : byte
{
    /// <summary>The update is for an order the engine does not track.</summary>
    Unknown,

    /// <summary>The venue accepted the placement (resting or armed).</summary>
    Acknowledged,

    /// <summary>A progress report after a fill (cumulative filled quantity grew).</summary>
    FillProgress,

    /// <summary>The venue accepted an amend.</summary>
    AmendAccepted,

    /// <summary>The venue refused an amend; the order is unchanged.</summary>
    AmendRejected,

    /// <summary>The venue refused a cancel; the order is still working.</summary>
    CancelRejected,

    /// <summary>The order reached a terminal state (filled, cancelled, rejected, expired).</summary>
    Terminal,

    /// <summary>A repeated report of a state already known.</summary>
    Repeated,
}
