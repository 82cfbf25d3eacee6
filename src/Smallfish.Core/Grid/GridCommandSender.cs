using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>Builds the grid's requests with deterministic client ids and hands them to the venue.</summary>
internal sealed class GridCommandSender(IOrderCommands orders, string symbol, int symbolId, long run, long firstSequence)
{
    private long _next = Math.Max(0, firstSequence);

    public long Placed { get; private set; }

    public long Cancels { get; private set; }

    public long NextSequence() => _next++;

    public OrderRequest PostOnly(long sequence, int attempt, OrderRole role, Side side, long priceTicks, long lots, bool reduceOnly) =>
        new(ClientOrderId.Create(run, symbolId, sequence, role, attempt), symbol, side, OrderType.Limit, TimeInForce.PostOnly, priceTicks, lots, 0,
            reduceOnly, role);

    public OrderRequest MarketReduceOnly(long sequence, Side side, long lots) =>
        new(ClientOrderId.Create(run, symbolId, sequence, OrderRole.GridTakeProfit), symbol, side, OrderType.Market, TimeInForce.ImmediateOrCancel,
            0, lots, 0, ReduceOnly: true, OrderRole.GridTakeProfit);

    public void Place(OrderRequest request)
    {
        Placed++;
        orders.Place(request);
    }

    public void Cancel(GridOrder order)
    {
        order.CancelSent = true;
        Cancels++;
        orders.Cancel(symbol, order.Id);
    }
}
