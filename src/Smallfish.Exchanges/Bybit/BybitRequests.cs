using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Bybit;

/// <summary>
/// Bybit v5 request bodies and queries (bybit-v5.md 4.8 to 4.16), category <c>linear</c>, one-way mode
/// (<c>positionIdx 0</c>). Field order is fixed so the bytes are reproducible (and signable in tests).
/// </summary>
internal static class BybitRequests
{
    public const string Category = "linear";

    /// <summary>
    /// POST /v5/order/create body. Conditional types become a Market order with a trigger (reduce-only, close-on-trigger).
    /// A close-position request (<see cref="OrderRequest.ClosePosition"/>) goes with <c>qty "0"</c>, <c>reduceOnly</c> and
    /// <c>closeOnTrigger</c>: Bybit then closes the whole position, up to the max order qty (bybit-v5.md 4.8).
    /// </summary>
    public static string CreateOrder(OrderRequest r, InstrumentSpec spec)
    {
        bool conditional = r.Type.IsConditional();
        bool closeAll = conditional && r.ClosePosition;
        return JsonBody.Write(w =>
        {
            w.WriteString("category", Category);
            w.WriteString("symbol", r.Symbol);
            w.WriteString("side", BybitMapping.ToWire(r.Side));
            w.WriteString("orderType", r.Type == OrderType.Limit ? "Limit" : "Market");
            w.WriteString("qty", closeAll ? "0" : DecimalText.Format(spec.Qty.ToDecimal(r.QtyLots)));
            if (r.Type == OrderType.Limit) w.WriteString("price", DecimalText.Format(spec.Price.ToDecimal(r.PriceTicks)));
            w.WriteString("timeInForce", r.Type == OrderType.Limit ? BybitMapping.ToWire(r.TimeInForce) : "IOC");
            w.WriteString("orderLinkId", r.ClientOrderId);
            w.WriteNumber("positionIdx", 0);
            if (r.ReduceOnly || conditional) w.WriteBoolean("reduceOnly", true);
            if (conditional)
            {
                w.WriteString("triggerPrice", DecimalText.Format(spec.Price.ToDecimal(r.TriggerPriceTicks)));
                w.WriteNumber("triggerDirection", TriggerDirection(r.Type, r.Side));
                w.WriteBoolean("closeOnTrigger", true);
            }
        });
    }

    /// <summary>1 = triggers when price rises, 2 = when it falls. A sell stop and a buy take-profit trigger on a fall.</summary>
    public static int TriggerDirection(OrderType type, Side side) =>
        (type == OrderType.StopMarket) == (side == Side.Buy) ? 1 : 2;

    /// <summary>POST /v5/order/amend body: only what changes; a conditional order's price is its <c>triggerPrice</c> (bybit-v5.md 4.9).</summary>
    public static string AmendOrder(AmendOrderRequest r, InstrumentSpec spec) => JsonBody.Write(w =>
    {
        w.WriteString("category", Category);
        w.WriteString("symbol", r.Symbol);
        w.WriteString("orderLinkId", r.ClientOrderId);
        if (r.QtyLots > 0) w.WriteString("qty", DecimalText.Format(spec.Qty.ToDecimal(r.QtyLots)));
        if (r.PriceTicks > 0) w.WriteString(r.Conditional ? "triggerPrice" : "price", DecimalText.Format(spec.Price.ToDecimal(r.PriceTicks)));
    });

    public static string CancelOrder(string symbol, string clientOrderId) => JsonBody.Write(w =>
    {
        w.WriteString("category", Category);
        w.WriteString("symbol", symbol);
        w.WriteString("orderLinkId", clientOrderId);
    });

    public static string CancelAll(string symbol) => JsonBody.Write(w =>
    {
        w.WriteString("category", Category);
        w.WriteString("symbol", symbol);
    });

    public static string SetLeverage(string symbol, int leverage) => JsonBody.Write(w =>
    {
        string lev = leverage.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString("category", Category);
        w.WriteString("symbol", symbol);
        w.WriteString("buyLeverage", lev);
        w.WriteString("sellLeverage", lev);
    });

    /// <summary>POST /v5/position/trading-stop, tpslMode Full (market legs on the whole position). "0" clears a leg.</summary>
    public static string TradingStop(ProtectiveStopsRequest r, InstrumentSpec spec, bool clear) => JsonBody.Write(w =>
    {
        w.WriteString("category", Category);
        w.WriteString("symbol", r.Symbol);
        w.WriteString("tpslMode", "Full");
        w.WriteNumber("positionIdx", BybitMapping.ToPositionIdx(r.Slot));
        if (clear || r.TakeProfitTicks > 0) w.WriteString("takeProfit", clear ? "0" : DecimalText.Format(spec.Price.ToDecimal(r.TakeProfitTicks)));
        if (clear || r.StopLossTicks > 0) w.WriteString("stopLoss", clear ? "0" : DecimalText.Format(spec.Price.ToDecimal(r.StopLossTicks)));
    });

    public static string Instruments(string cursor)
    {
        var q = new QueryBuilder().Add("category", Category).Add("limit", 1000);
        return cursor.Length == 0 ? q.ToString() : q.Add("cursor", cursor).ToString();
    }

    public static string Tickers(string? symbol) =>
        new QueryBuilder().Add("category", Category).AddIf(symbol is not null, "symbol", symbol ?? "").ToString();

    public static string Klines(string symbol, KlineInterval interval, int limit) =>
        new QueryBuilder().Add("category", Category).Add("symbol", symbol).Add("interval", BybitMapping.ToWire(interval)).Add("limit", limit).ToString();

    public static string OrderBook(string symbol, int depth) =>
        new QueryBuilder().Add("category", Category).Add("symbol", symbol).Add("limit", depth).ToString();

    public static string SymbolLimit(string symbol, int limit) =>
        new QueryBuilder().Add("category", Category).Add("symbol", symbol).Add("limit", limit).ToString();

    /// <summary>Open orders (or, with a client id, one order) of a symbol or of the settle coin.</summary>
    public static string OrderQuery(string? symbol, string settleCoin, string? clientOrderId, string cursor)
    {
        var q = new QueryBuilder().Add("category", Category);
        if (symbol is not null) q.Add("symbol", symbol); else q.Add("settleCoin", settleCoin);
        if (clientOrderId is not null) q.Add("orderLinkId", clientOrderId);
        q.Add("limit", 50);
        if (cursor.Length > 0) q.Add("cursor", cursor);
        return q.ToString();
    }

    public static string Positions(string? symbol, string settleCoin, string cursor)
    {
        var q = new QueryBuilder().Add("category", Category);
        if (symbol is not null) q.Add("symbol", symbol); else q.Add("settleCoin", settleCoin);
        q.Add("limit", 200);
        if (cursor.Length > 0) q.Add("cursor", cursor);
        return q.ToString();
    }

    public static string Wallet() => new QueryBuilder().Add("accountType", "UNIFIED").ToString();

    public static string Executions(string symbol, long startTimeMs, string cursor)
    {
        var q = new QueryBuilder().Add("category", Category).Add("symbol", symbol);
        if (startTimeMs > 0) q.Add("startTime", startTimeMs);
        q.Add("limit", 100);
        if (cursor.Length > 0) q.Add("cursor", cursor);
        return q.ToString();
    }
}
