using System.Text;

namespace Smallfish.Remote.Telegram.Formatting;

/// <summary>
/// Escaping for Telegram's <c>MarkdownV2</c> parse mode, for callers that need it. Smallfish's own replies use HTML
/// (<see cref="TelegramHtml"/>), because every generated number carries <c>-</c>, <c>.</c> or <c>+</c>.
/// </summary>
public static class TelegramMarkdownV2
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!\\";

    /// <summary>Escapes text outside entities: each of the 18 reserved characters and the backslash get a backslash.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Escapes text inside <c>pre</c> and <c>code</c> entities: only <c>`</c> and <c>\</c>.</summary>
    public static string EscapeCode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '`' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
