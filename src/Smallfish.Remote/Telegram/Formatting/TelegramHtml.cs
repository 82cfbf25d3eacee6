using System.Text;

namespace Smallfish.Remote.Telegram.Formatting;

/// <summary>
/// Escaping for Telegram's <c>HTML</c> parse mode, Smallfish's choice for generated text: only <c>&amp;</c>,
/// <c>&lt;</c> and <c>&gt;</c> are special in text (and <c>"</c> inside attribute values), so numbers like
/// <c>-0.25</c> or <c>+12.40</c> need no escaping at all, unlike MarkdownV2. Everything that is not our own markup
/// goes through <see cref="Escape"/>.
/// </summary>
public static class TelegramHtml
{
    /// <summary>Escapes text for use between tags: <c>&amp;</c> first, then <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Escapes an attribute value (such as an <c>href</c>): <see cref="Escape"/> plus <c>"</c>.</summary>
    public static string EscapeAttribute(string? text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary><c>&lt;b&gt;</c> around escaped text.</summary>
    public static string Bold(string? text) => "<b>" + Escape(text) + "</b>";

    /// <summary><c>&lt;pre&gt;</c> (monospace block) around escaped text.</summary>
    public static string Pre(string? text) => "<pre>" + Escape(text) + "</pre>";

    /// <summary><c>&lt;code&gt;</c> (inline monospace) around escaped text.</summary>
    public static string Code(string? text) => "<code>" + Escape(text) + "</code>";
}
