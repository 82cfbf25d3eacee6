using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Commands;

/// <summary>
/// Reads a slash command from a message: the <c>bot_command</c> entity at offset 0 (offsets are UTF-16 units, which
/// is what .NET strings index) or, without entities, a leading <c>/word</c>. Splits off an <c>@botname</c> suffix
/// (commands in groups arrive as <c>/status@smallfish_bot</c>) and the arguments.
/// </summary>
public static class BotCommandParser
{
    /// <summary>Longest command name Telegram allows.</summary>
    public const int MaxNameLength = 32;

    /// <summary>Parses <paramref name="message"/>; null when it does not start with a command.</summary>
    public static ParsedCommand? Parse(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Text;
        if (string.IsNullOrEmpty(text) || text[0] != '/') return null;

        int end = -1;
        if (message.Entities is { } entities)
        {
            foreach (var e in entities)
            {
                if (e.Type == "bot_command" && e.Offset == 0 && e.Length > 1 && e.Length <= text.Length) { end = e.Length; break; }
            }
        }
        if (end < 0)
        {
            end = 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        }

        var token = text[1..end];
        string? target = null;
        var at = token.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            target = token[(at + 1)..];
            token = token[..at];
        }
        if (token.Length == 0 || token.Length > MaxNameLength) return null;
        var name = token.ToLowerInvariant();
        var arguments = text[end..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ParsedCommand(RemoteCommandCatalog.Lookup(name), name, string.IsNullOrEmpty(target) ? null : target, arguments);
    }
}
