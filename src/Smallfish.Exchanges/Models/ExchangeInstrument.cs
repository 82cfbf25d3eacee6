using Smallfish.Core.Instruments;

namespace Smallfish.Exchanges.Models;

/// <summary>One tradable contract: its price/quantity grid as an <see cref="InstrumentSpec"/> plus limits the router needs.</summary>
/// <param name="Spec">Tick size, quantity step, minimum quantity and notional.</param>
/// <param name="Status">Venue status text (<c>Trading</c>, <c>TRADING</c>, <c>PreLaunch</c>...).</param>
/// <param name="IsTrading">True when orders are accepted.</param>
/// <param name="BaseAsset">Base coin.</param>
/// <param name="QuoteAsset">Quote coin.</param>
/// <param name="MinPrice">Lowest price the venue accepts.</param>
/// <param name="MaxPrice">Highest price the venue accepts.</param>
/// <param name="MaxOrderQty">Largest limit-order quantity.</param>
/// <param name="MaxMarketOrderQty">Largest market-order quantity.</param>
/// <param name="MaxLeverage">Highest leverage (0 when the venue reports it elsewhere, as Binance does).</param>
public sealed record ExchangeInstrument(
    InstrumentSpec Spec,
    string Status,
    bool IsTrading,
    string BaseAsset,
    string QuoteAsset,
    decimal MinPrice,
    decimal MaxPrice,
    decimal MaxOrderQty,
    decimal MaxMarketOrderQty,
    decimal MaxLeverage);
