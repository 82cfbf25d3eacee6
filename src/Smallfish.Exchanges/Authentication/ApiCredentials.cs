using System.Text;

namespace Smallfish.Exchanges.Authentication;

/// <summary>
/// An API key and its HMAC secret. The secret is kept as bytes and never printed: <see cref="ToString"/> shows only
/// the first characters of the key.
/// </summary>
public sealed class ApiCredentials
{
    private readonly byte[] _secret;

    /// <summary>Creates credentials; both parts are required.</summary>
    public ApiCredentials(string apiKey, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        ApiKey = apiKey;
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The public API key (sent in headers; not secret, but still shortened in logs).</summary>
    public string ApiKey { get; }

    /// <summary>The secret bytes, for the signers only.</summary>
    internal ReadOnlySpan<byte> SecretBytes => _secret;

    /// <summary>The key shortened for logs: first four characters and an ellipsis.</summary>
    public string RedactedKey => ApiKey.Length <= 4 ? "****" : ApiKey[..4] + "****";

    /// <inheritdoc />
    public override string ToString() => $"ApiCredentials(key={RedactedKey}, secret=***)";
}
