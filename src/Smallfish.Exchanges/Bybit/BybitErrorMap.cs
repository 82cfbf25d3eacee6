using Smallfish.Core.Domain;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Bybit;

/// <summary>
/// Bybit v5 <c>retCode</c> and HTTP status table (bybit-v5.md sections 3 and 5) and the order <c>rejectReason</c>
/// strings. Post-only rejection is not an error code on linear: it arrives as a cancelled order with
/// <c>EC_PostOnlyWillTakeLiquidity</c>, see <see cref="ClassifyRejectReason"/>.
/// </summary>
public sealed class BybitErrorMap : IErrorCodeMap
{
    /// <summary>Shared instance (the table is immutable).</summary>
    public static BybitErrorMap Instance { get; } = new();

    /// <inheritdoc />
    public ExchangeErrorInfo Classify(int code) => code switch
    {
        10000 => new(RejectReason.Transient, IsTransient: true, OutcomeUnknown: true), // server timeout: status unknown
        10016 => new(RejectReason.Transient, IsTransient: true, OutcomeUnknown: true), // server error / restarting
        110079 => new(RejectReason.Transient, IsTransient: true),                      // order is processing, try later
        10002 => new(RejectReason.TimestampOutOfWindow, IsTransient: false),
        10003 or 10004 or 10005 or 10010 => new(RejectReason.AuthFailed, IsTransient: false),
        10006 => new(RejectReason.RateLimited, IsTransient: true),
        110001 or 110008 or 110010 => new(RejectReason.OrderNotFound, IsTransient: false),
        110003 or 110094 => new(RejectReason.InvalidPriceOrQty, IsTransient: false),
        110004 or 110007 or 110012 or 110044 or 110045 => new(RejectReason.InsufficientMargin, IsTransient: false),
        110017 => new(RejectReason.ReduceOnlyViolated, IsTransient: false),
        110072 => new(RejectReason.DuplicateClientOrderId, IsTransient: false),
        110043 or 110025 => new(RejectReason.None, IsTransient: false, IsBenign: true), // "not modified" = success
        _ => new(RejectReason.Other, IsTransient: false),
    };

    /// <inheritdoc />
    public ExchangeErrorInfo ClassifyHttp(int httpStatus) => httpStatus switch
    {
        401 => new(RejectReason.AuthFailed, IsTransient: false),
        403 => new(RejectReason.RateLimited, IsTransient: false), // IP ban, GET with body or restricted region: stop, do not retry
        429 => new(RejectReason.RateLimited, IsTransient: true),
        >= 500 => new(RejectReason.Transient, IsTransient: true, OutcomeUnknown: true),
        _ => new(RejectReason.Other, IsTransient: false),
    };

    /// <summary>Maps an order's <c>rejectReason</c> text (e.g. <c>EC_PostOnlyWillTakeLiquidity</c>).</summary>
    public static RejectReason ClassifyRejectReason(string? rejectReason) => rejectReason switch
    {
        null or "" or "EC_NoError" => RejectReason.None,
        "EC_PostOnlyWillTakeLiquidity" => RejectReason.PostOnlyWouldTake,
        "EC_NoImmediateQtyToFill" => RejectReason.NoLiquidity,
        "EC_OrigClOrdIDDoesNotExist" or "EC_TooLateToCancel" => RejectReason.OrderNotFound,
        "EC_ReachRiskPriceLimit" => RejectReason.InvalidPriceOrQty,
        _ => RejectReason.Other,
    };
}
