namespace Smallfish.Remote.Telegram.Client;

/// <summary>
/// Removes a bot token from text before it can reach a log or an exception: the token (and its secret half after the
/// colon) become <c>***</c>, so <c>/bot&lt;token&gt;/sendMessage</c> reads <c>/bot***/sendMessage</c>.
/// </summary>
internal sealed class TokenRedactor
{
    private const string Mask = "***";
    private readonly string _token;
    private readonly string? _secretPart;

    public TokenRedactor(string token)
    {
        _token = token ?? "";
        var colon = _token.IndexOf(':', StringComparison.Ordinal);
        // The part after the colon is the secret; redact it alone too, in case something printed it separately.
        _secretPart = colon >= 0 && _token.Length - colon - 1 >= 8 ? _token[(colon + 1)..] : null;
    }

    /// <summary>Returns <paramref name="text"/> with every occurrence of the token masked.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (_token.Length == 0) return text;
        var result = text.Replace(_token, Mask, StringComparison.Ordinal);
        if (_secretPart is not null) result = result.Replace(_secretPart, Mask, StringComparison.Ordinal);
        return result;
    }

    /// <summary>True when <paramref name="text"/> contains the token or its secret half.</summary>
    public bool Contains(string? text) =>
        !string.IsNullOrEmpty(text) && _token.Length > 0 &&
        (text.Contains(_token, StringComparison.Ordinal) || (_secretPart is not null && text.Contains(_secretPart, StringComparison.Ordinal)));
}
