namespace Smallfish.Exchanges.Authentication;

/// <summary>
/// Binance USD-M HMAC signing (binance-usdm.md section 2): <c>totalParams</c> = query string concatenated directly
/// with the body (no <c>&amp;</c> between), signed exactly as sent on the wire (already percent-encoded), HMAC-SHA256
/// hex appended as the LAST parameter <c>signature</c>; the key travels in <c>X-MBX-APIKEY</c>.
/// </summary>
public sealed class BinanceSigner
{
    /// <summary>Header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-MBX-APIKEY";

    private readonly ApiCredentials _credentials;

    /// <summary>Creates a signer for one key.</summary>
    public BinanceSigner(ApiCredentials credentials) => _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>The API key.</summary>
    public string ApiKey => _credentials.ApiKey;

    /// <summary>The string to sign for a request with both a query string and a form body.</summary>
    public static string BuildTotalParams(string queryString, string body) => queryString + body;

    /// <summary>HMAC-SHA256 hex of <paramref name="totalParams"/>.</summary>
    public string Sign(string totalParams) => HmacHex.Sign(_credentials.SecretBytes, totalParams);

    /// <summary>Returns <paramref name="queryString"/> with <c>&amp;signature=...</c> appended as the last parameter.</summary>
    public string AppendSignature(string queryString) =>
        queryString.Length == 0 ? "signature=" + Sign(queryString) : queryString + "&signature=" + Sign(queryString);

    /// <summary>Adds the API key header.</summary>
    public void ApplyApiKey(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, _credentials.ApiKey);
    }

    /// <inheritdoc />
    public override string ToString() => $"BinanceSigner({_credentials})";
}
