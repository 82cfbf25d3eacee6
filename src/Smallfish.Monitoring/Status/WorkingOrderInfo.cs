using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>An order working at the venue.</summary>
public sealed record WorkingOrderInfo
{
    /// <summary>The engine's deterministic client order id.</summary>
    public string ClientOrderId { get; init; } = "";

    /// <summary>Why the engine placed it.</summary>
    public OrderRole Role { get; init; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; init; }

    /// <summary>Limit or trigger price (null for a market order).</summary>
    public decimal? Price { get; init; }

    /// <summary>Order quantity in base units.</summary>
    public decimal Qty { get; init; }

    /// <summary>Quantity filled so far.</summary>
    public decimal FilledQty { get; init; }

    /// <summary>Life-cycle state.</summary>
    public OrderStatus Status { get; init; }
}
