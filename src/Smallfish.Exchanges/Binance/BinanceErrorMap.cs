using Smallfish.Core.Domain;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Binance USD-M error codes and HTTP statuses (binance-usdm.md sections 3 and 5). Post-only that would take is a
/// synchronous -5022. 5xx and 408 on an order endpoint mean "execution status unknown": reconcile before resending.
/// </summary>
public sealed class BinanceErrorMap : IErrorCodeMap
{
    /// <summary>Shared instance (the table is immutable).</summary>
    public static BinanceErrorMap Instance { get; } = new();

    /// <inheritdoc />
    public ExchangeErrorInfo Classify(int code) => code switch
    {
        -1003 or -1015 => new(RejectReason.RateLimited, IsTransient: true),
        -1008 => new(RejectReason.Transient, IsTransient: true), // throttled by system protection: not executed, retry later
        -1021 or -5028 => new(RejectReason.TimestampOutOfWindow, IsTransient: false),
        -1022 or -2014 or -2015 => new(RejectReason.AuthFailed, IsTransient: false),
        -1111 or -4014 or -4023 or -4164 or -4131 or -2021 => new(RejectReason.InvalidPriceOrQty, IsTransient: false),
        -2011 or -2013 => new(RejectReason.OrderNotFound, IsTransient: false),
        -2019 => new(RejectReason.InsufficientMargin, IsTransient: false),
        -2022 => new(RejectReason.ReduceOnlyViolated, IsTransient: false),
        -4116 => new(RejectReason.DuplicateClientOrderId, IsTransient: false),
        -5021 => new(RejectReason.NoLiquidity, IsTransient: false),
        -5022 => new(RejectReason.PostOnlyWouldTake, IsTransient: false),
        -4046 or -4059 => new(RejectReason.None, IsTransient: false, IsBenign: true), // "no need to change" = success
        _ => new(RejectReason.Other, IsTransient: false),
    };

    /// <inheritdoc />
    public ExchangeErrorInfo ClassifyHttp(int httpStatus) => httpStatus switch
    {
        401 => new(RejectReason.AuthFailed, IsTransient: false),
        403 => new(RejectReason.RateLimited, IsTransient: false), // WAF limit: stop and investigate
        408 => new(RejectReason.Transient, IsTransient: true, OutcomeUnknown: true),
        418 => new(RejectReason.RateLimited, IsTransient: false), // auto-banned: wait out Retry-After, never hammer
        429 => new(RejectReason.RateLimited, IsTransient: true),
        >= 500 => new(RejectReason.Transient, IsTransient: true, OutcomeUnknown: true),
        _ => new(RejectReason.Other, IsTransient: false),
    };
}
