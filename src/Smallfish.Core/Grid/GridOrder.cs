using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>One order the grid sent, as the grid tracks it (single writer).</summary>
internal sealed class GridOrder
{
    public GridOrder(OrderRequest request, GridOrderKind kind, long keyTicks, long spacingTicks, GridUnit? unit, long sequence, int attempt, long sentNs)
    {
        Request = request;
        Kind = kind;
        KeyTicks = keyTicks;
        SpacingTicks = spacingTicks;
        Unit = unit;
        Sequence = sequence;
        Attempt = attempt;
        SentNs = sentNs;
    }

    public OrderRequest Request { get; }

    public string Id => Request.ClientOrderId;

    public GridOrderKind Kind { get; }

    public Side Side => Request.Side;

    public long PriceTicks => Request.PriceTicks;

    public long Lots => Request.QtyLots;

    /// <summary>A level's lattice price (its order may sit a tick or more away after post-only rejects).</summary>
    public long KeyTicks { get; }

    /// <summary>The spacing when the order was sent: the take-profit distance of its fills.</summary>
    public long SpacingTicks { get; }

    /// <summary>The unit a take-profit closes; for a level, the unit its fills opened (set at the first fill).</summary>
    public GridUnit? Unit { get; set; }

    public long Sequence { get; }

    public int Attempt { get; }

    public long SentNs { get; }

    public OrderStatus Status { get; set; } = OrderStatus.PendingNew;

    public bool CancelSent { get; set; }

    public long FilledLots { get; set; }

    public long RemainingLots => Math.Max(0, Lots - FilledLots);

    public bool IsTerminal => Status.IsTerminal();
}
