namespace Smallfish.Core.Domain;

/// <summary>Life-cycle state of an order as the engine knows it.</summary>
public enum OrderStatus : byte
{
    /// <summary>Sent, not yet acknowledged.</summary>
    PendingNew,

    /// <summary>Acknowledged and resting (or untriggered, for conditional orders).</summary>
    New,

    /// <summary>Partly filled, the rest still working.</summary>
    PartiallyFilled,

    /// <summary>Completely filled.</summary>
    Filled,

    /// <summary>Cancel sent, not yet acknowledged.</summary>
    PendingCancel,

    /// <summary>Cancelled (possibly after partial fills).</summary>
    Cancelled,

    /// <summary>Rejected by the exchange or the venue.</summary>
    Rejected,

    /// <summary>Expired (IOC remainder, post-only that would take).</summary>
    Expired,
}

/// <summary>Helpers for <see cref="OrderStatus"/>.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True for states after which the order can never fill again.</summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;
}
