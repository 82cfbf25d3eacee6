using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Emulator.Hosting;

namespace Smallfish.Emulator.Bybit;

/// <summary>Bybit v5 answers: the <c>retCode</c> envelope (business errors travel with HTTP 200, bybit-v5.md section 3).</summary>
internal static class BybitReplies
{
    public const int ParamsError = 10001;
    public const int TimestampError = 10002;
    public const int InvalidKey = 10003;
    public const int SignError = 10004;
    public const int TooManyVisits = 10006;
    public const int ServerError = 10016;
    public const int OrderNotExists = 110001;
    public const int InsufficientBalance = 110007;
    public const int ReduceOnlyNotSatisfied = 110017;
    public const int LeverageNotModified = 110043;
    public const int DuplicateLinkId = 110072;
    public const int NotionalTooLow = 110094;

    /// <summary><c>{"retCode":0,"retMsg":"OK","result":{..},"retExtInfo":{},"time":..}</c>; <paramref name="result"/> writes the result's members.</summary>
    public static RestReply Ok(long nowMs, Action<Utf8JsonWriter> result) => RestReply.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("retCode"u8, 0);
        w.WriteString("retMsg"u8, "OK"u8);
        w.WriteStartObject("result"u8);
        result(w);
        w.WriteEndObject();
        w.WriteStartObject("retExtInfo"u8);
        w.WriteEndObject();
        w.WriteNumber("time"u8, nowMs);
        w.WriteEndObject();
    });

    /// <summary>A business error: HTTP 200 with a non-zero <c>retCode</c> and an empty result.</summary>
    public static RestReply Error(int code, string message, long nowMs) => RestReply.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("retCode"u8, code);
        w.WriteString("retMsg"u8, message);
        w.WriteStartObject("result"u8);
        w.WriteEndObject();
        w.WriteStartObject("retExtInfo"u8);
        w.WriteEndObject();
        w.WriteNumber("time"u8, nowMs);
        w.WriteEndObject();
    });

    /// <summary>The synchronous answer to an order the venue refused (bybit-v5.md section 5).</summary>
    public static RestReply Refused(RejectReason reason, string message, long nowMs) => reason switch
    {
        RejectReason.InsufficientMargin => Error(InsufficientBalance, "ab not enough for new order", nowMs),
        RejectReason.ReduceOnlyViolated => Error(ReduceOnlyNotSatisfied, "Reduce-only rule not satisfied", nowMs),
        RejectReason.DuplicateClientOrderId => Error(DuplicateLinkId, "OrderLinkedID is duplicate", nowMs),
        RejectReason.InvalidPriceOrQty when message.Contains("notional", StringComparison.Ordinal) =>
            Error(NotionalTooLow, "The number of contracts exceeds minimum limit allowed", nowMs),
        RejectReason.Transient => Error(ServerError, "Server error", nowMs),
        RejectReason.RateLimited => Error(TooManyVisits, "Too many visits!", nowMs),
        _ => Error(ParamsError, "params error: " + message, nowMs),
    };
}
