using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Logging;

/// <summary>
/// Renders one log entry as exactly one console line. Under systemd (journald reads standard output line by line)
/// the line starts with the syslog priority in angle brackets, which journald strips and stores as the entry's
/// priority: <c>&lt;2&gt;</c> critical, <c>&lt;3&gt;</c> error, <c>&lt;4&gt;</c> warning, <c>&lt;6&gt;</c> information,
/// <c>&lt;7&gt;</c> debug and trace. On a terminal the line starts with a UTC time and a level word instead. Line
/// breaks in the message or the exception are folded into <c> | </c> so an entry never spans lines.
/// </summary>
public static class JournaldLineFormatter
{
    /// <summary>The journald priority prefix of <paramref name="level"/>.</summary>
    public static string Prefix(LogLevel level) => level switch
    {
        LogLevel.Critical => "<2>",
        LogLevel.Error => "<3>",
        LogLevel.Warning => "<4>",
        LogLevel.Information => "<6>",
        _ => "<7>",
    };

    /// <summary>The short level word used on a terminal.</summary>
    public static string Word(LogLevel level) => level switch
    {
        LogLevel.Critical => "crit",
        LogLevel.Error => "fail",
        LogLevel.Warning => "warn",
        LogLevel.Information => "info",
        LogLevel.Debug => "dbug",
        _ => "trce",
    };

    /// <summary>
    /// Formats one entry (without the trailing newline). <paramref name="timestamp"/> is used only on a terminal
    /// (<paramref name="journald"/> false); journald stamps entries itself.
    /// </summary>
    public static string Format(LogLevel level, string category, string message, Exception? exception, bool journald, DateTimeOffset timestamp)
    {
        var line = new StringBuilder(message.Length + category.Length + 48);
        if (journald)
        {
            line.Append(Prefix(level));
        }
        else
        {
            line.Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ').Append(Word(level)).Append(' ');
        }

        line.Append(category).Append(": ");
        AppendFolded(line, message);
        if (exception is not null)
        {
            line.Append(" | ");
            AppendFolded(line, exception.ToString());
        }

        return line.ToString();
    }

    private static void AppendFolded(StringBuilder line, string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            line.Append(text, start, i - start);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            int next = i + 1;
            while (next < text.Length && text[next] is ' ' or '\t') next++;
            if (next < text.Length) line.Append(" | ");
            i = next - 1;
            start = next;
        }

        line.Append(text, start, text.Length - start);
    }
}
