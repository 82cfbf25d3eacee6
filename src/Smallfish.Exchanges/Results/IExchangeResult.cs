using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.Results;

/// <summary>The non-generic view of an <see cref="ExchangeResult{T}"/>, for resilience predicates and logging.</summary>
public interface IExchangeResult
{
    /// <summary>True when the call succeeded.</summary>
    bool Success { get; }

    /// <summary>The failure, when <see cref="Success"/> is false.</summary>
    ExchangeError? Error { get; }

    /// <summary>True when the failure may go away on its own.</summary>
    bool IsTransient { get; }

    /// <summary>Normalized reason of the failure; <see cref="RejectReason.None"/> on success.</summary>
    RejectReason RejectReason { get; }
}
