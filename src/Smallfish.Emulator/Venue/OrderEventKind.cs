namespace Smallfish.Emulator.Venue;

/// <summary>What happened to an order, as the publishers need to know it.</summary>
internal enum OrderEventKind : byte
{
    /// <summary>The venue accepted it (resting, armed, or about to fill).</summary>
    Accepted,

    /// <summary>Price, quantity or trigger changed.</summary>
    Amended,

    /// <summary>Its state changed through fills (partially filled or filled).</summary>
    Filled,

    /// <summary>Cancelled (by the client, reduce-only, or a cleared position stop).</summary>
    Cancelled,

    /// <summary>Expired (IOC remainder, post-only that would take).</summary>
    Expired,

    /// <summary>A conditional order's trigger fired.</summary>
    Triggered,
}
