using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue.Queue;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>An order as the simulated venue holds it: the request, the terms after amends, fills and queue place.</summary>
internal sealed class VenueOrder
{
    public VenueOrder(OrderRequest request, VenueSymbol symbol, string exchangeOrderId)
    {
        Request = request;
        Symbol = symbol;
        ExchangeOrderId = exchangeOrderId;
        PriceTicks = request.PriceTicks;
        QtyLots = request.QtyLots;
        TriggerTicks = request.TriggerPriceTicks;
        Status = OrderStatus.PendingNew;
    }

    public OrderRequest Request { get; }

    public VenueSymbol Symbol { get; }

    public string ExchangeOrderId { get; }

    public string ClientOrderId => Request.ClientOrderId;

    public Side Side => Request.Side;

    public OrderType Type => Request.Type;

    public bool ReduceOnly => Request.ReduceOnly || Request.ClosePosition;

    /// <summary>
    /// Closes the whole position when it triggers (<see cref="OrderRequest.ClosePosition"/>): its quantity is set to the
    /// position at the trigger; while the symbol is flat it stays armed and does nothing.
    /// </summary>
    public bool ClosePosition => Request.ClosePosition && IsConditional;

    /// <summary>Limit price after amends (0 for market orders).</summary>
    public long PriceTicks { get; set; }

    /// <summary>Order quantity after amends.</summary>
    public long QtyLots { get; set; }

    /// <summary>Trigger price after amends (conditional orders).</summary>
    public long TriggerTicks { get; set; }

    public OrderStatus Status { get; set; }

    public long FilledLots { get; set; }

    public decimal FilledNotionalTicks { get; set; }

    public long RemainingLots => QtyLots - FilledLots;

    public decimal AvgPriceTicks => FilledLots == 0 ? 0 : FilledNotionalTicks / FilledLots;

    public bool IsConditional => Type.IsConditional();

    public bool IsTerminal => Status.IsTerminal();

    /// <summary>Queue place while resting as a limit order.</summary>
    public QueuePosition Queue { get; } = new();

    /// <summary>Status for a working order given its fills.</summary>
    public OrderStatus WorkingStatus => FilledLots > 0 ? OrderStatus.PartiallyFilled : OrderStatus.New;
}
