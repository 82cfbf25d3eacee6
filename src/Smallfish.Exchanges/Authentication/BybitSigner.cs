using System.Globalization;

namespace Smallfish.Exchanges.Authentication;

/// <summary>
/// Bybit v5 HMAC signing (bybit-v5.md sections 2 and 9). REST: <c>timestamp + apiKey + recvWindow + payload</c>, where
/// the payload is the exact query string sent (GET, no <c>?</c>, not re-ordered) or the exact JSON body bytes (POST);
/// HMAC-SHA256 as lowercase hex in <c>X-BAPI-SIGN</c>. Private WebSocket auth signs <c>"GET/realtime" + expires</c>.
/// </summary>
public sealed class BybitSigner
{
    /// <summary>Header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-BAPI-API-KEY";

    /// <summary>Header carrying the ms timestamp.</summary>
    public const string TimestampHeader = "X-BAPI-TIMESTAMP";

    /// <summary>Header carrying the receive window.</summary>
    public const string RecvWindowHeader = "X-BAPI-RECV-WINDOW";

    /// <summary>Header carrying the signature.</summary>
    public const string SignHeader = "X-BAPI-SIGN";

    /// <summary>Header naming the signature type (2 = HMAC, as the official examples send).</summary>
    public const string SignTypeHeader = "X-BAPI-SIGN-TYPE";

    private readonly ApiCredentials _credentials;

    /// <summary>Creates a signer for one key.</summary>
    public BybitSigner(ApiCredentials credentials) => _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>The API key.</summary>
    public string ApiKey => _credentials.ApiKey;

    /// <summary>The REST string to sign.</summary>
    public static string BuildStringToSign(long timestampMs, string apiKey, int recvWindowMs, string queryOrBody) =>
        string.Concat(
            timestampMs.ToString(CultureInfo.InvariantCulture),
            apiKey,
            recvWindowMs.ToString(CultureInfo.InvariantCulture),
            queryOrBody);

    /// <summary>The private WebSocket auth string to sign.</summary>
    public static string BuildWebSocketStringToSign(long expiresMs) => "GET/realtime" + expiresMs.ToString(CultureInfo.InvariantCulture);

    /// <summary>HMAC-SHA256 hex of any string with this key's secret.</summary>
    public string Sign(string stringToSign) => HmacHex.Sign(_credentials.SecretBytes, stringToSign);

    /// <summary>Signature of a REST request.</summary>
    public string SignRequest(long timestampMs, int recvWindowMs, string queryOrBody) =>
        Sign(BuildStringToSign(timestampMs, _credentials.ApiKey, recvWindowMs, queryOrBody));

    /// <summary>Adds the X-BAPI-* headers for a request whose query or body is <paramref name="queryOrBody"/>.</summary>
    public void ApplyHeaders(HttpRequestMessage request, long timestampMs, int recvWindowMs, string queryOrBody)
    {
        ArgumentNullException.ThrowIfNull(request);
        string ts = timestampMs.ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, _credentials.ApiKey);
        request.Headers.TryAddWithoutValidation(TimestampHeader, ts);
        request.Headers.TryAddWithoutValidation(RecvWindowHeader, recvWindowMs.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignHeader, SignRequest(timestampMs, recvWindowMs, queryOrBody));
        request.Headers.TryAddWithoutValidation(SignTypeHeader, "2");
    }

    /// <summary>The private-stream auth message <c>{"req_id":..,"op":"auth","args":[key, expires, signature]}</c>.</summary>
    public string BuildWebSocketAuthMessage(long expiresMs, string requestId) =>
        string.Concat(
            "{\"req_id\":\"", requestId, "\",\"op\":\"auth\",\"args\":[\"", _credentials.ApiKey, "\",",
            expiresMs.ToString(CultureInfo.InvariantCulture), ",\"", Sign(BuildWebSocketStringToSign(expiresMs)), "\"]}");

    /// <inheritdoc />
    public override string ToString() => $"BybitSigner({_credentials})";
}
