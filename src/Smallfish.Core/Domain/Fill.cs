namespace Smallfish.Core.Domain;

/// <summary>One execution of an order.</summary>
/// <param name="ExecId">Exchange execution id (unique per fill; used to ignore duplicates).</param>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Side of the order that filled.</param>
/// <param name="PriceTicks">Fill price in ticks.</param>
/// <param name="QtyLots">Fill quantity in lots.</param>
/// <param name="Fee">Fee in quote currency (negative = rebate).</param>
/// <param name="IsMaker">True when the order provided liquidity.</param>
/// <param name="TsNs">Exchange fill time, ns.</param>
public readonly record struct Fill(
    string ExecId,
    string ClientOrderId,
    string Symbol,
    Side Side,
    long PriceTicks,
    long QtyLots,
    decimal Fee,
    bool IsMaker,
    long TsNs);
