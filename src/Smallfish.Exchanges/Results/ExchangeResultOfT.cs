using System.Diagnostics.CodeAnalysis;
using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Results;

/// <summary>
/// The outcome of one exchange call: either data or a normalized error, plus the raw payload the venue sent.
/// <see cref="Success"/> guards <see cref="Data"/> and <see cref="Error"/> for the compiler's null analysis.
/// </summary>
/// <typeparam name="T">The normalized payload type.</typeparam>
public sealed class ExchangeResult<T> : IExchangeResult
{
    private ExchangeResult(bool success, T? data, ExchangeError? error, string? raw)
    {
        Success = success;
        Data = data;
        Error = error;
        Raw = raw;
    }

    /// <summary>True when the call succeeded and <see cref="Data"/> holds the answer.</summary>
    [MemberNotNullWhen(true, nameof(Data))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success { get; }

    /// <summary>The normalized answer, when <see cref="Success"/>.</summary>
    public T? Data { get; }

    /// <summary>The failure, when not <see cref="Success"/>.</summary>
    public ExchangeError? Error { get; }

    /// <summary>The venue's error code, when it sent one.</summary>
    public int? ErrorCode => Error?.Code;

    /// <summary>The venue's error text or a transport failure description.</summary>
    public string? Message => Error?.Message;

    /// <inheritdoc />
    public RejectReason RejectReason => Error?.Reject ?? RejectReason.None;

    /// <inheritdoc />
    public bool IsTransient => Error?.IsTransient ?? false;

    /// <summary>The raw response body as received (never a request, so never a signature).</summary>
    public string? Raw { get; }

    /// <summary>A successful result.</summary>
    public static ExchangeResult<T> Ok(T data, string? raw = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(true, data, null, raw);
    }

    /// <summary>A failed result.</summary>
    public static ExchangeResult<T> Fail(ExchangeError error, string? raw = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(false, default, error, raw);
    }

    /// <summary>Carries this failure over to a result of another type. Throws on a success.</summary>
    public ExchangeResult<TOther> AsFailure<TOther>() =>
        Success ? throw new InvalidOperationException("cannot convert a successful result into a failure") : ExchangeResult<TOther>.Fail(Error, Raw);

    /// <inheritdoc />
    public override string ToString() => Success ? $"Success({Data})" : $"Failure({Error})";
}
