namespace Smallfish.Emulator.Faults;

/// <summary>What a REST fault does to a request.</summary>
public enum RestFaultKind : byte
{
    /// <summary>Answer with a 5xx status (by default before executing anything).</summary>
    ServerError,

    /// <summary>Execute the request, then hold the answer (the client times out: the "lost answer" case).</summary>
    HoldAnswer,

    /// <summary>Answer rate-limited: Bybit retCode 10006 with X-Bapi-Limit headers, Binance HTTP 429 with Retry-After.</summary>
    RateLimited,
}
