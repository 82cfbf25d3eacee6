using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Binance USD-M request parameters (binance-usdm.md 4.3 to 4.7) in a fixed order, percent-encoded, without
/// <c>recvWindow</c>/<c>timestamp</c>/<c>signature</c> (added by the signer). One-way mode assumed.
/// </summary>
internal static class BinanceRequests
{
    /// <summary>POST /fapi/v1/order (LIMIT / MARKET only since 2025-12-09).</summary>
    public static string NewOrder(OrderRequest r, InstrumentSpec spec)
    {
        var q = new QueryBuilder()
            .Add("symbol", r.Symbol)
            .Add("side", BinanceMapping.ToWire(r.Side))
            .Add("type", BinanceMapping.ToWire(r.Type));
        if (r.Type == OrderType.Limit) q.Add("timeInForce", BinanceMapping.ToWire(r.TimeInForce));
        q.Add("quantity", DecimalText.Format(spec.Qty.ToDecimal(r.QtyLots)));
        if (r.Type == OrderType.Limit) q.Add("price", DecimalText.Format(spec.Price.ToDecimal(r.PriceTicks)));
        q.Add("newClientOrderId", r.ClientOrderId);
        if (r.ReduceOnly) q.Add("reduceOnly", "true");
        return q.ToString();
    }

    /// <summary>
    /// POST /fapi/v1/algoOrder for a conditional order request: quantity and reduce-only, or, for a close-position request
    /// (<see cref="OrderRequest.ClosePosition"/>), <c>closePosition=true</c> alone (binance-usdm.md 4.4: not with quantity
    /// or reduceOnly).
    /// </summary>
    public static string NewAlgoOrder(OrderRequest r, InstrumentSpec spec)
    {
        var q = new QueryBuilder()
            .Add("algoType", "CONDITIONAL")
            .Add("symbol", r.Symbol)
            .Add("side", BinanceMapping.ToWire(r.Side))
            .Add("type", BinanceMapping.ToWire(r.Type));
        if (!r.ClosePosition) q.Add("quantity", DecimalText.Format(spec.Qty.ToDecimal(r.QtyLots)));
        q.Add("triggerPrice", DecimalText.Format(spec.Price.ToDecimal(r.TriggerPriceTicks)));
        q.Add(r.ClosePosition ? "closePosition" : "reduceOnly", "true");
        return q.Add("clientAlgoId", r.ClientOrderId).ToString();
    }

    /// <summary>POST /fapi/v1/algoOrder for a protective leg closing the whole position (<c>closePosition=true</c>).</summary>
    public static string ProtectiveLeg(string symbol, Side positionSide, PositionSlot slot, OrderType type, long triggerTicks, string clientAlgoId, InstrumentSpec spec)
    {
        var q = new QueryBuilder()
            .Add("algoType", "CONDITIONAL")
            .Add("symbol", symbol)
            .Add("side", BinanceMapping.ToWire(positionSide == Side.Buy ? Side.Sell : Side.Buy));
        if (slot != PositionSlot.OneWay) q.Add("positionSide", BinanceMapping.ToWire(slot));
        return q.Add("type", BinanceMapping.ToWire(type))
            .Add("triggerPrice", DecimalText.Format(spec.Price.ToDecimal(triggerTicks)))
            .Add("closePosition", "true")
            .Add("clientAlgoId", clientAlgoId)
            .ToString();
    }

    /// <summary>PUT /fapi/v1/order: side, quantity and price are all mandatory.</summary>
    public static string ModifyOrder(AmendOrderRequest r, InstrumentSpec spec) => new QueryBuilder()
        .Add("symbol", r.Symbol)
        .Add("origClientOrderId", r.ClientOrderId)
        .Add("side", BinanceMapping.ToWire(r.Side))
        .Add("quantity", DecimalText.Format(spec.Qty.ToDecimal(r.QtyLots)))
        .Add("price", DecimalText.Format(spec.Price.ToDecimal(r.PriceTicks)))
        .ToString();

    public static string ByClientId(string symbol, string clientOrderId) =>
        new QueryBuilder().Add("symbol", symbol).Add("origClientOrderId", clientOrderId).ToString();

    public static string ByClientAlgoId(string clientAlgoId) =>
        new QueryBuilder().Add("clientAlgoId", clientAlgoId).ToString();

    public static string Symbol(string? symbol) => symbol is null ? "" : new QueryBuilder().Add("symbol", symbol).ToString();

    public static string Klines(string symbol, KlineInterval interval, int limit) =>
        new QueryBuilder().Add("symbol", symbol).Add("interval", BinanceMapping.ToWire(interval)).Add("limit", limit).ToString();

    public static string Depth(string symbol, int depth) =>
        new QueryBuilder().Add("symbol", symbol).Add("limit", BinanceMapping.DepthLimit(depth)).ToString();

    public static string SymbolLimit(string symbol, int limit) =>
        new QueryBuilder().Add("symbol", symbol).Add("limit", limit).ToString();

    public static string Leverage(string symbol, int leverage) =>
        new QueryBuilder().Add("symbol", symbol).Add("leverage", leverage).ToString();

    public static string UserTrades(string symbol, long startTimeMs)
    {
        var q = new QueryBuilder().Add("symbol", symbol);
        if (startTimeMs > 0) q.Add("startTime", startTimeMs);
        return q.Add("limit", 1000).ToString();
    }
}
