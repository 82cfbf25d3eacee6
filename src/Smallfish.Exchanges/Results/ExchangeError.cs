using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Results;

/// <summary>
/// Why an exchange call failed, normalized. Carries the venue's own code and text for the journal, the normalized
/// <see cref="RejectReason"/> the engine acts on, and whether retrying later may succeed.
/// </summary>
/// <param name="Code">The venue's error code (Bybit <c>retCode</c>, Binance <c>code</c>); null for transport failures.</param>
/// <param name="Message">Venue text or a description of the transport failure. Never contains secrets or query strings.</param>
/// <param name="Reject">Normalized reason.</param>
/// <param name="IsTransient">True when the same request may succeed later (timeouts, 5xx, rate limits).</param>
/// <param name="HttpStatus">HTTP status of the answer; 0 when no answer arrived.</param>
/// <param name="OutcomeUnknown">
/// True when the request may have been executed even though no success answer arrived (timeout, 5xx on a write).
/// A write with an unknown outcome must be reconciled (query by client order id) before it is sent again.
/// </param>
public sealed record ExchangeError(
    int? Code,
    string Message,
    RejectReason Reject,
    bool IsTransient,
    int HttpStatus = 0,
    bool OutcomeUnknown = false)
{
    /// <summary>A failure with no answer from the exchange: timeout or connection error.</summary>
    public static ExchangeError NoAnswer(string message) =>
        new(null, message, RejectReason.Transient, IsTransient: true, HttpStatus: 0, OutcomeUnknown: true);

    /// <summary>An answer that could not be read.</summary>
    public static ExchangeError Malformed(string message, int httpStatus) =>
        new(null, message, RejectReason.Other, IsTransient: false, HttpStatus: httpStatus);

    /// <summary>A request refused locally before it was sent (bad arguments, unknown instrument, unsupported call).</summary>
    public static ExchangeError Local(string message, RejectReason reject = RejectReason.Other) =>
        new(null, message, reject, IsTransient: false);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Reject} code={Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} http={HttpStatus} transient={IsTransient} unknown={OutcomeUnknown}: {Message}";
}
