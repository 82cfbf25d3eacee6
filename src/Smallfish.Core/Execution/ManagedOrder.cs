using Smallfish.Core.Domain;

namespace Smallfish.Core.Execution;

/// <summary>
/// An order the engine sent, with what the engine needs beyond the domain <see cref="Domain.Order"/>: its current price,
/// trigger and size after amends, the price it meant to trade at (for slippage), the outstanding acknowledgements and
/// whether a cancel was asked for. Tracked by the <see cref="OrderEmitter"/> from the moment it is sent until the
/// venue reports it terminal. Mutated only by the engine's single writer.
/// </summary>
public sealed class ManagedOrder
{
    /// <summary>Wraps a freshly sent order.</summary>
    public ManagedOrder(Order order, int symbolId, long intendedPriceTicks)
    {
        ArgumentNullException.ThrowIfNull(order);
        Order = order;
        SymbolId = symbolId;
        IntendedPriceTicks = intendedPriceTicks;
        PriceTicks = order.Request.PriceTicks;
        TriggerTicks = order.Request.TriggerPriceTicks;
        QtyLots = order.Request.QtyLots;
        AwaitingAck = true;
        LastSentNs = order.CreatedNs;
    }

    /// <summary>The domain order (request, status, fills).</summary>
    public Order Order { get; }

    /// <summary>The original request.</summary>
    public OrderRequest Request => Order.Request;

    /// <summary>Client order id.</summary>
    public string ClientOrderId => Order.ClientOrderId;

    /// <summary>Why the order exists.</summary>
    public OrderRole Role => Order.Request.Role;

    /// <summary>Buy or sell.</summary>
    public Side Side => Order.Request.Side;

    /// <summary>
    /// True for a close-position order (<see cref="OrderRequest.ClosePosition"/>): the venue sizes it to the position when
    /// it triggers, so <see cref="QtyLots"/> is the engine's bookkeeping of what it covers, kept equal to the position
    /// (<see cref="OrderEmitter.Follow"/>) without a command.
    /// </summary>
    public bool ClosesPosition => Order.Request.ClosePosition;

    /// <summary>Index of the symbol in the engine's symbol table.</summary>
    public int SymbolId { get; }

    /// <summary>The price the order meant to trade at, ticks: slippage is measured against it.</summary>
    public long IntendedPriceTicks { get; }

    /// <summary>The engine decision this order serves (the sequence in its client order id).</summary>
    public long Sequence { get; init; }

    /// <summary>For an entry: the stop distance (1R, ticks) its fills are bracketed with.</summary>
    public long StopDistanceTicks { get; init; }

    /// <summary>Limit price as last sent (after amends), ticks.</summary>
    public long PriceTicks { get; internal set; }

    /// <summary>Trigger price as last sent (after amends), ticks.</summary>
    public long TriggerTicks { get; internal set; }

    /// <summary>Total quantity as last sent (after amends), lots.</summary>
    public long QtyLots { get; internal set; }

    /// <summary>Quantity still to fill as last sent, lots.</summary>
    public long OpenLots => Math.Max(0, QtyLots - Order.FilledLots);

    /// <summary>True until the venue first answers the placement.</summary>
    public bool AwaitingAck { get; internal set; }

    /// <summary>Amends sent and not yet answered.</summary>
    public int PendingAmends { get; internal set; }

    /// <summary>True once a cancel was sent (and not refused).</summary>
    public bool CancelRequested { get; internal set; }

    /// <summary>Time the last command for this order was sent, ns.</summary>
    public long LastSentNs { get; internal set; }

    /// <summary>Cumulative filled quantity the venue last reported, lots.</summary>
    public long ReportedFilledLots { get; internal set; }

    /// <summary>Worst slippage of any fill so far, ticks (0 = none or better).</summary>
    public long MaxSlippageTicks { get; internal set; }

    /// <summary>True once a fill of this order counted as a slippage breach (an order counts at most once).</summary>
    public bool SlippageBreached { get; set; }

    /// <summary>True when the order can no longer fill.</summary>
    public bool IsTerminal => Order.IsTerminal;

    /// <summary>True while the order may still fill, no cancel was asked for, and its fills have not yet covered its size.</summary>
    public bool IsActive => !Order.IsTerminal && !CancelRequested && Order.FilledLots < QtyLots;
}
