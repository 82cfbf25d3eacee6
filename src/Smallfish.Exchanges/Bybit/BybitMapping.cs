using Smallfish.Core.Domain;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Bybit v5 enum strings to and from the normalized types (bybit-v5.md 4.8, 4.11).</summary>
internal static class BybitMapping
{
    public static string ToWire(Side side) => side == Side.Buy ? "Buy" : "Sell";

    public static Side ParseSide(string s) => s switch
    {
        "Buy" => Side.Buy,
        "Sell" => Side.Sell,
        _ => throw new FormatException("unknown side '" + s + "'"),
    };

    /// <summary>Position side: "" means flat (hedge-mode empty side).</summary>
    public static Side? ParsePositionSide(string s) => s switch
    {
        "Buy" => Side.Buy,
        "Sell" => Side.Sell,
        "" or "None" => null,
        _ => throw new FormatException("unknown position side '" + s + "'"),
    };

    public static string ToWire(TimeInForce tif) => tif switch
    {
        TimeInForce.PostOnly => "PostOnly",
        TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.FillOrKill => "FOK",
        _ => "GTC",
    };

    public static TimeInForce ParseTimeInForce(string s) => s switch
    {
        "PostOnly" => TimeInForce.PostOnly,
        "IOC" => TimeInForce.ImmediateOrCancel,
        "FOK" => TimeInForce.FillOrKill,
        _ => TimeInForce.GoodTillCancel,
    };

    /// <summary>Order type from <c>orderType</c> and <c>stopOrderType</c> (conditional kinds).</summary>
    public static OrderType ParseOrderType(string orderType, string stopOrderType) => stopOrderType switch
    {
        "TakeProfit" or "PartialTakeProfit" => OrderType.TakeProfitMarket,
        "StopLoss" or "PartialStopLoss" or "TrailingStop" or "Stop" or "tpslOrder" => OrderType.StopMarket,
        _ => orderType == "Market" ? OrderType.Market : OrderType.Limit,
    };

    /// <summary>Order status; a cancel caused by post-only or IOC without liquidity is reported as <see cref="OrderStatus.Expired"/>.</summary>
    public static OrderStatus ParseStatus(string status, RejectReason reject) => status switch
    {
        "New" or "Untriggered" or "Triggered" or "Created" => OrderStatus.New,
        "PartiallyFilled" => OrderStatus.PartiallyFilled,
        "Filled" => OrderStatus.Filled,
        "Rejected" => OrderStatus.Rejected,
        "Cancelled" or "Deactivated" or "PartiallyFilledCanceled" =>
            reject is RejectReason.PostOnlyWouldTake or RejectReason.NoLiquidity ? OrderStatus.Expired : OrderStatus.Cancelled,
        _ => throw new FormatException("unknown order status '" + status + "'"),
    };

    public static PositionSlot ParseSlot(int positionIdx) => positionIdx switch
    {
        1 => PositionSlot.HedgeLong,
        2 => PositionSlot.HedgeShort,
        _ => PositionSlot.OneWay,
    };

    public static int ToPositionIdx(PositionSlot slot) => slot switch
    {
        PositionSlot.HedgeLong => 1,
        PositionSlot.HedgeShort => 2,
        _ => 0,
    };

    public static string ToWire(KlineInterval interval) => interval switch
    {
        KlineInterval.OneMinute => "1",
        KlineInterval.FiveMinutes => "5",
        KlineInterval.FifteenMinutes => "15",
        KlineInterval.OneHour => "60",
        KlineInterval.FourHours => "240",
        _ => "D",
    };
}
