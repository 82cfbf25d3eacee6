using Smallfish.Core.Domain;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Binance;

/// <summary>Binance USD-M enum texts written by the frame writers (binance-usdm.md 4.3, 4.4, section 8).</summary>
public static class BinanceWireNames
{
    /// <summary><c>BUY</c> / <c>SELL</c>.</summary>
    public static ReadOnlySpan<byte> Side(Side side) => side == Core.Domain.Side.Buy ? "BUY"u8 : "SELL"u8;

    /// <summary>Order type: <c>LIMIT</c>, <c>MARKET</c>, <c>STOP_MARKET</c>, <c>TAKE_PROFIT_MARKET</c>.</summary>
    public static ReadOnlySpan<byte> OrderType(OrderType type) => type switch
    {
        Core.Domain.OrderType.Limit => "LIMIT"u8,
        Core.Domain.OrderType.Market => "MARKET"u8,
        Core.Domain.OrderType.StopMarket => "STOP_MARKET"u8,
        _ => "TAKE_PROFIT_MARKET"u8,
    };

    /// <summary><c>timeInForce</c>: post-only is <c>GTX</c>.</summary>
    public static ReadOnlySpan<byte> TimeInForce(TimeInForce tif) => tif switch
    {
        Core.Domain.TimeInForce.PostOnly => "GTX"u8,
        Core.Domain.TimeInForce.ImmediateOrCancel => "IOC"u8,
        Core.Domain.TimeInForce.FillOrKill => "FOK"u8,
        _ => "GTC"u8,
    };

    /// <summary>Order <c>status</c> / <c>X</c>.</summary>
    public static ReadOnlySpan<byte> OrderStatus(OrderStatus status) => status switch
    {
        Core.Domain.OrderStatus.PendingNew or Core.Domain.OrderStatus.New => "NEW"u8,
        Core.Domain.OrderStatus.PartiallyFilled => "PARTIALLY_FILLED"u8,
        Core.Domain.OrderStatus.Filled => "FILLED"u8,
        Core.Domain.OrderStatus.Rejected => "REJECTED"u8,
        Core.Domain.OrderStatus.Expired => "EXPIRED"u8,
        _ => "CANCELED"u8,
    };

    /// <summary>Algo order status (<c>algoStatus</c>, ALGO_UPDATE <c>X</c>): a filled conditional order is <c>FINISHED</c>.</summary>
    public static ReadOnlySpan<byte> AlgoStatus(in WireOrder o) => o.Status switch
    {
        Core.Domain.OrderStatus.PendingNew or Core.Domain.OrderStatus.New => "NEW"u8,
        Core.Domain.OrderStatus.PartiallyFilled => "TRIGGERED"u8,
        Core.Domain.OrderStatus.Filled => "FINISHED"u8,
        Core.Domain.OrderStatus.Rejected => "REJECTED"u8,
        Core.Domain.OrderStatus.Expired => o.FilledLots > 0 ? "FINISHED"u8 : "EXPIRED"u8,
        _ => "CANCELED"u8,
    };

    /// <summary>ORDER_TRADE_UPDATE expiry reason <c>er</c>: 0 none, 2 IOC remainder, 9 market remainder, 6 post-only.</summary>
    public static ReadOnlySpan<byte> ExpiryReason(in WireOrder o)
    {
        if (o.Status != Core.Domain.OrderStatus.Expired) return "0"u8;
        if (o.Type != Core.Domain.OrderType.Limit) return "9"u8;
        return o.TimeInForce == Core.Domain.TimeInForce.PostOnly ? "6"u8 : "2"u8;
    }
}
