using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Emulator.Hosting;

namespace Smallfish.Emulator.Binance;

/// <summary>Binance USD-M answers: bare JSON on success, <c>{code,msg}</c> with an HTTP error status otherwise (binance-usdm.md sections 3, 5).</summary>
internal static class BinanceReplies
{
    public static RestReply Ok(Action<Utf8JsonWriter> write) => RestReply.Json(200, write);

    public static RestReply Error(int status, int code, string message) => RestReply.Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code"u8, code);
        w.WriteString("msg"u8, message);
        w.WriteEndObject();
    });

    public static RestReply InvalidSymbol() => Error(400, -1121, "Invalid symbol.");

    public static RestReply Mandatory(string name) => Error(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static RestReply UnknownOrder() => Error(400, -2011, "Unknown order sent.");

    public static RestReply NoSuchOrder() => Error(400, -2013, "Order does not exist.");

    /// <summary>The synchronous answer to an order the venue refused.</summary>
    public static RestReply Refused(RejectReason reason, string message) => reason switch
    {
        RejectReason.PostOnlyWouldTake => Error(400, -5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history"),
        RejectReason.InsufficientMargin => Error(400, -2019, "Margin is insufficient."),
        RejectReason.ReduceOnlyViolated => Error(400, -2022, "ReduceOnly Order is rejected."),
        RejectReason.DuplicateClientOrderId => Error(400, -4116, "ClientOrderId is duplicated."),
        RejectReason.NoLiquidity => Error(400, -5021, "Due to the order could not be filled immediately, the FOK order has been rejected. The order will not be recorded in the order history"),
        RejectReason.InvalidPriceOrQty when message.Contains("notional", StringComparison.Ordinal) =>
            Error(400, -4164, "Order's notional must be no smaller than the minimum (unless you choose reduce only)"),
        RejectReason.InvalidPriceOrQty => Error(400, -4003, "Quantity less than or equal to zero."),
        RejectReason.Transient => Error(503, -1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again."),
        _ when message.Contains("trigger", StringComparison.Ordinal) => Error(400, -2021, "Order would immediately trigger."),
        _ => Error(400, -2010, "NEW_ORDER_REJECTED: " + message),
    };
}
