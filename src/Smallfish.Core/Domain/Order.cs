namespace Smallfish.Core.Domain;

/// <summary>A working or finished order as the engine tracks it. Mutated only by the engine's single writer.</summary>
public sealed class Order
{
    /// <summary>Creates the tracked order for a request sent at <paramref name="createdNs"/>.</summary>
    public Order(OrderRequest request, long createdNs)
    {
        Request = request;
        CreatedNs = createdNs;
        UpdatedNs = createdNs;
        Status = OrderStatus.PendingNew;
    }

    /// <summary>What was asked for.</summary>
    public OrderRequest Request { get; }

    /// <summary>Client order id.</summary>
    public string ClientOrderId => Request.ClientOrderId;

    /// <summary>Exchange-assigned id, once known.</summary>
    public string? ExchangeOrderId { get; set; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>Filled quantity in lots.</summary>
    public long FilledLots { get; set; }

    /// <summary>Sum of fill price (ticks) x fill lots, for the average fill price.</summary>
    public decimal FilledNotionalTicks { get; set; }

    /// <summary>Fees paid on this order's fills, quote currency (negative = rebate).</summary>
    public decimal Fees { get; set; }

    /// <summary>Average fill price in ticks (0 when nothing filled).</summary>
    public decimal AvgFillPriceTicks => FilledLots == 0 ? 0 : FilledNotionalTicks / FilledLots;

    /// <summary>Unfilled quantity in lots.</summary>
    public long RemainingLots => Request.QtyLots - FilledLots;

    /// <summary>Time the order was sent, ns.</summary>
    public long CreatedNs { get; }

    /// <summary>Time of the last state change, ns.</summary>
    public long UpdatedNs { get; set; }

    /// <summary>Exchange reject or cancel reason, when any.</summary>
    public string? Reason { get; set; }

    /// <summary>True when the order can no longer fill.</summary>
    public bool IsTerminal => Status.IsTerminal();

    /// <summary>Records a fill: quantity, price and fee.</summary>
    public void ApplyFill(in Fill fill)
    {
        FilledLots += fill.QtyLots;
        FilledNotionalTicks += (decimal)fill.PriceTicks * fill.QtyLots;
        Fees += fill.Fee;
        UpdatedNs = fill.TsNs;
        Status = FilledLots >= Request.QtyLots ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
    }
}
