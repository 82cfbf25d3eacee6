using Smallfish.Core.Domain;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Bybit;

/// <summary>Bybit v5 enum texts written by the frame writers (bybit-v5.md 4.8, 4.11, section 5).</summary>
public static class BybitWireNames
{
    /// <summary><c>Buy</c> / <c>Sell</c>.</summary>
    public static ReadOnlySpan<byte> Side(Side side) => side == Core.Domain.Side.Buy ? "Buy"u8 : "Sell"u8;

    /// <summary><c>orderType</c>: conditional orders execute as market orders.</summary>
    public static ReadOnlySpan<byte> OrderType(OrderType type) => type == Core.Domain.OrderType.Limit ? "Limit"u8 : "Market"u8;

    /// <summary><c>timeInForce</c>; market and conditional orders are IOC.</summary>
    public static ReadOnlySpan<byte> TimeInForce(in WireOrder o) => o.Type != Core.Domain.OrderType.Limit ? "IOC"u8 : o.TimeInForce switch
    {
        Core.Domain.TimeInForce.PostOnly => "PostOnly"u8,
        Core.Domain.TimeInForce.ImmediateOrCancel => "IOC"u8,
        Core.Domain.TimeInForce.FillOrKill => "FOK"u8,
        _ => "GTC"u8,
    };

    /// <summary>
    /// <c>orderStatus</c>: an armed conditional order is <c>Untriggered</c> and, cancelled unfilled, <c>Deactivated</c>;
    /// an expired order (post-only that would take, IOC remainder) is <c>Cancelled</c> with a <c>rejectReason</c>.
    /// </summary>
    public static ReadOnlySpan<byte> OrderStatus(in WireOrder o) => o.Status switch
    {
        Core.Domain.OrderStatus.PendingNew or Core.Domain.OrderStatus.New => o.IsConditional ? "Untriggered"u8 : "New"u8,
        Core.Domain.OrderStatus.PartiallyFilled => "PartiallyFilled"u8,
        Core.Domain.OrderStatus.Filled => "Filled"u8,
        Core.Domain.OrderStatus.Rejected => "Rejected"u8,
        Core.Domain.OrderStatus.Expired => "Cancelled"u8,
        _ => o.IsConditional && o.FilledLots == 0 ? "Deactivated"u8 : "Cancelled"u8,
    };

    /// <summary><c>rejectReason</c> (<c>EC_NoError</c> when there is none).</summary>
    public static ReadOnlySpan<byte> RejectReason(in WireOrder o) => o.Reject switch
    {
        Core.Domain.RejectReason.PostOnlyWouldTake => "EC_PostOnlyWillTakeLiquidity"u8,
        Core.Domain.RejectReason.NoLiquidity => "EC_NoImmediateQtyToFill"u8,
        Core.Domain.RejectReason.OrderNotFound => "EC_OrigClOrdIDDoesNotExist"u8,
        Core.Domain.RejectReason.InvalidPriceOrQty => "EC_ReachRiskPriceLimit"u8,
        Core.Domain.RejectReason.None or Core.Domain.RejectReason.ReduceOnlyViolated => "EC_NoError"u8,
        _ => o.Status == Core.Domain.OrderStatus.Rejected ? "EC_Others"u8 : "EC_NoError"u8,
    };

    /// <summary><c>cancelType</c> of a cancelled order.</summary>
    public static ReadOnlySpan<byte> CancelType(in WireOrder o)
    {
        if (o.Status != Core.Domain.OrderStatus.Cancelled) return "UNKNOWN"u8;
        return o.Reject == Core.Domain.RejectReason.ReduceOnlyViolated ? "CancelByReduceOnly"u8 : "CancelByUser"u8;
    }

    /// <summary><c>stopOrderType</c>: empty for ordinary orders, <c>Stop</c> for conditional ones, the leg for TP/SL.</summary>
    public static ReadOnlySpan<byte> StopOrderType(in WireOrder o) => o.Stop switch
    {
        WireStopKind.StopLoss => "StopLoss"u8,
        WireStopKind.TakeProfit => "TakeProfit"u8,
        _ => o.IsConditional ? "Stop"u8 : ""u8,
    };

    /// <summary><c>triggerDirection</c>: 1 = triggers when the price rises to it, 2 = when it falls; 0 for ordinary orders.</summary>
    public static int TriggerDirection(in WireOrder o)
    {
        if (!o.IsConditional) return 0;
        return (o.Type == Core.Domain.OrderType.StopMarket) == (o.Side == Core.Domain.Side.Buy) ? 1 : 2;
    }

    /// <summary>Position <c>side</c>: <c>Buy</c>, <c>Sell</c> or "" when flat.</summary>
    public static ReadOnlySpan<byte> PositionSide(long netLots) => netLots > 0 ? "Buy"u8 : netLots < 0 ? "Sell"u8 : ""u8;
}
