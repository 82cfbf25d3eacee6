namespace Smallfish.Exchanges.Http;

/// <summary>
/// One REST request before signing. The query is already percent-encoded in its final order and the JSON body is
/// serialized once: both are signed and sent byte for byte as they are.
/// </summary>
internal sealed class RestCall
{
    public RestCall(HttpMethod method, string path, string query = "", string? jsonBody = null, bool signed = false, bool idempotent = true, string? rateKey = null)
    {
        Method = method;
        Path = path;
        Query = query;
        JsonBody = jsonBody;
        Signed = signed;
        Idempotent = idempotent;
        RateKey = rateKey ?? path;
    }

    public HttpMethod Method { get; }

    /// <summary>Path below the REST base URL, e.g. <c>/v5/order/create</c>.</summary>
    public string Path { get; }

    /// <summary>Encoded query string without <c>?</c> (Binance: without timestamp/recvWindow/signature, added at signing).</summary>
    public string Query { get; }

    /// <summary>Exact JSON body (Bybit POST) or null.</summary>
    public string? JsonBody { get; }

    /// <summary>Needs a signature (and a server-offset timestamp).</summary>
    public bool Signed { get; }

    /// <summary>Safe to repeat (reads): retried on transient failures.</summary>
    public bool Idempotent { get; }

    /// <summary>Rate-limit bucket.</summary>
    public string RateKey { get; }

    /// <summary>Also send the API key header on an unsigned call (Binance USER_STREAM calls).</summary>
    public bool ApiKeyOnly { get; init; }

    /// <summary>
    /// A call that protects a position (see <see cref="RateLimiting.ProtectiveCall"/>): it may pass a venue-imposed
    /// rate-limit block once per block window (<see cref="RateLimiting.RateLimitGate"/>).
    /// </summary>
    public bool Protective { get; init; }
}
