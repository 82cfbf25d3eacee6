namespace Smallfish.Remote.Telegram.Formatting;

/// <summary>
/// Splits plain text into pieces Telegram accepts (a message holds at most 4096 characters after entity parsing),
/// preferring line boundaries and cutting a line only when it alone is too long; never splits a surrogate pair.
/// Split the plain text first, then escape each piece, so escapes are never cut in half.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Telegram's limit of a text message, characters after entity parsing.</summary>
    public const int TelegramMessageLimit = 4096;

    /// <summary>Telegram's limit of a media caption, characters after entity parsing.</summary>
    public const int TelegramCaptionLimit = 1024;

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="maxLength"/> UTF-16 units.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = TelegramMessageLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxLength < 2) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "must be at least 2");
        var pieces = new List<string>();
        int start = 0;
        while (text.Length - start > maxLength)
        {
            int cut = text.LastIndexOf('\n', start + maxLength - 1, maxLength);
            int next;
            if (cut > start)
            {
                next = cut + 1;
            }
            else
            {
                cut = start + maxLength;
                if (char.IsHighSurrogate(text[cut - 1])) cut--;
                next = cut;
            }
            pieces.Add(text[start..cut]);
            start = next;
        }
        if (start < text.Length || pieces.Count == 0) pieces.Add(text[start..]);
        return pieces;
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/> units, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength = TelegramCaptionLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength) return text;
        int cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }
}
