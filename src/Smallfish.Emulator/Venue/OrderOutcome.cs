using Smallfish.Core.Domain;

namespace Smallfish.Emulator.Venue;

/// <summary>How the venue answered an order command, for the protocol handlers to phrase in their own error codes.</summary>
/// <param name="Kind">Accepted, or why not.</param>
/// <param name="Reject">Normalized reason when refused.</param>
/// <param name="Message">Venue text.</param>
/// <param name="Order">The order (accepted or found), when there is one.</param>
internal readonly record struct OrderOutcome(OrderOutcomeKind Kind, RejectReason Reject, string Message, EmulatedOrder? Order)
{
    public bool Accepted => Kind == OrderOutcomeKind.Accepted;

    public static OrderOutcome Ok(EmulatedOrder order) => new(OrderOutcomeKind.Accepted, RejectReason.None, "", order);

    public static OrderOutcome Refused(RejectReason reason, string message) => new(OrderOutcomeKind.Refused, reason, message, null);

    public static OrderOutcome NotFound(EmulatedOrder? known = null) => new(OrderOutcomeKind.NotFound, RejectReason.OrderNotFound, "order not found", known);

    public static OrderOutcome Duplicate() => new(OrderOutcomeKind.Duplicate, RejectReason.DuplicateClientOrderId, "duplicate client order id", null);
}

/// <summary>Outcome classes of an order command.</summary>
internal enum OrderOutcomeKind : byte
{
    /// <summary>Done (accepted, amended, cancelled).</summary>
    Accepted,

    /// <summary>Refused by the venue's checks (margin, reduce-only, minimums, post-only that would take...).</summary>
    Refused,

    /// <summary>No such working order.</summary>
    NotFound,

    /// <summary>The client order id is taken.</summary>
    Duplicate,
}
