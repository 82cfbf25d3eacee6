using Smallfish.Core.Domain;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Binance;

/// <summary>Binance USD-M enum strings to and from the normalized types (binance-usdm.md 4.3, 4.4, 8).</summary>
internal static class BinanceMapping
{
    public static string ToWire(Side side) => side == Side.Buy ? "BUY" : "SELL";

    public static Side ParseSide(string s) => s switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => throw new FormatException("unknown side '" + s + "'"),
    };

    public static string ToWire(TimeInForce tif) => tif switch
    {
        TimeInForce.PostOnly => "GTX",
        TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.FillOrKill => "FOK",
        _ => "GTC",
    };

    public static TimeInForce ParseTimeInForce(string s) => s switch
    {
        "GTX" => TimeInForce.PostOnly,
        "IOC" => TimeInForce.ImmediateOrCancel,
        "FOK" => TimeInForce.FillOrKill,
        _ => TimeInForce.GoodTillCancel,
    };

    public static OrderType ParseOrderType(string s) => s switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "TAKE_PROFIT" or "TAKE_PROFIT_MARKET" => OrderType.TakeProfitMarket,
        "STOP" or "STOP_MARKET" or "TRAILING_STOP_MARKET" => OrderType.StopMarket,
        _ => throw new FormatException("unknown order type '" + s + "'"),
    };

    public static string ToWire(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        OrderType.StopMarket => "STOP_MARKET",
        _ => "TAKE_PROFIT_MARKET",
    };

    /// <summary>Order status. EXPIRED of a post-only (GTX) order means it would have taken liquidity (a crossing modify).</summary>
    public static (OrderStatus Status, RejectReason Reject) ParseStatus(string status, TimeInForce tif) => status switch
    {
        "NEW" => (OrderStatus.New, RejectReason.None),
        "PARTIALLY_FILLED" => (OrderStatus.PartiallyFilled, RejectReason.None),
        "FILLED" => (OrderStatus.Filled, RejectReason.None),
        "CANCELED" => (OrderStatus.Cancelled, RejectReason.None),
        "REJECTED" => (OrderStatus.Rejected, RejectReason.Other),
        "EXPIRED" => (OrderStatus.Expired, tif switch
        {
            TimeInForce.PostOnly => RejectReason.PostOnlyWouldTake,
            TimeInForce.ImmediateOrCancel or TimeInForce.FillOrKill => RejectReason.NoLiquidity,
            _ => RejectReason.Other,
        }),
        "EXPIRED_IN_MATCH" => (OrderStatus.Expired, RejectReason.Other),
        _ => throw new FormatException("unknown order status '" + status + "'"),
    };

    /// <summary>Algo (conditional) order status (ALGO_UPDATE <c>X</c>, REST <c>algoStatus</c>).</summary>
    public static (OrderStatus Status, RejectReason Reject) ParseAlgoStatus(string status, decimal filledQty) => status switch
    {
        "NEW" or "TRIGGERING" or "TRIGGERED" => (OrderStatus.New, RejectReason.None),
        "FINISHED" => (filledQty > 0 ? OrderStatus.Filled : OrderStatus.Cancelled, RejectReason.None),
        "CANCELED" => (OrderStatus.Cancelled, RejectReason.None),
        "REJECTED" => (OrderStatus.Rejected, RejectReason.Other),
        "EXPIRED" => (OrderStatus.Expired, RejectReason.Other),
        _ => throw new FormatException("unknown algo status '" + status + "'"),
    };

    public static PositionSlot ParseSlot(string positionSide) => positionSide switch
    {
        "LONG" => PositionSlot.HedgeLong,
        "SHORT" => PositionSlot.HedgeShort,
        "BOTH" or "" => PositionSlot.OneWay,
        _ => throw new FormatException("unknown position side '" + positionSide + "'"),
    };

    public static string ToWire(PositionSlot slot) => slot switch
    {
        PositionSlot.HedgeLong => "LONG",
        PositionSlot.HedgeShort => "SHORT",
        _ => "BOTH",
    };

    public static string ToWire(KlineInterval interval) => interval switch
    {
        KlineInterval.OneMinute => "1m",
        KlineInterval.FiveMinutes => "5m",
        KlineInterval.FifteenMinutes => "15m",
        KlineInterval.OneHour => "1h",
        KlineInterval.FourHours => "4h",
        _ => "1d",
    };

    /// <summary>Depth limits the venue accepts: 5, 10, 20, 50, 100, 500, 1000 (rounded up).</summary>
    public static int DepthLimit(int depth) => depth switch
    {
        <= 5 => 5,
        <= 10 => 10,
        <= 20 => 20,
        <= 50 => 50,
        <= 100 => 100,
        <= 500 => 500,
        _ => 1000,
    };
}
