using System.Globalization;
using System.Text;

namespace Smallfish.Remote.Email;

/// <summary>
/// Builds the DATA payload of a plain-text mail: RFC 5322 headers (non-ASCII subjects as RFC 2047 encoded words,
/// line breaks stripped so nothing can inject a header), a 7bit body when it is plain ASCII with short lines and a
/// base64 body otherwise, CRLF line endings, dot-stuffing (a line starting with "." gets another ".") and the
/// terminating <c>CRLF.CRLF</c>.
/// </summary>
internal static class MimeMessageWriter
{
    private const int MaxLine = 998;

    public static byte[] Write(EmailMessage message, string from, IReadOnlyList<string> to, DateTimeOffset now, string domain)
    {
        var lines = new List<string>
        {
            "Date: " + now.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
            "From: Smallfish <" + from + ">",
            "To: " + string.Join(", ", to),
            "Subject: " + EncodeSubject(message.Subject),
            "Message-ID: <" + Guid.NewGuid().ToString("N") + "@" + domain + ">",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
        };

        var bodyLines = SplitLines(message.Body);
        var plain = true;
        foreach (var l in bodyLines)
        {
            if (l.Length > MaxLine || !Ascii.IsValid(l)) { plain = false; break; }
        }
        if (plain)
        {
            lines.Add("Content-Transfer-Encoding: 7bit");
            lines.Add("");
            lines.AddRange(bodyLines);
        }
        else
        {
            lines.Add("Content-Transfer-Encoding: base64");
            lines.Add("");
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join("\r\n", bodyLines)));
            for (int i = 0; i < b64.Length; i += 76) lines.Add(b64.Substring(i, Math.Min(76, b64.Length - i)));
        }

        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.StartsWith('.')) sb.Append('.');
            sb.Append(line).Append("\r\n");
        }
        sb.Append(".\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static List<string> SplitLines(string body)
    {
        var normalized = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return [.. normalized.Split('\n')];
    }

    private static string EncodeSubject(string subject)
    {
        var clean = (subject ?? "").Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        var printable = true;
        foreach (var c in clean)
        {
            if (c < ' ' || c > '~') { printable = false; break; }
        }
        if (printable && clean.Length <= 900) return clean;

        // RFC 2047 encoded words, each at most 75 characters, never splitting a character's UTF-8 bytes.
        var words = new List<string>();
        var chunk = new StringBuilder();
        int bytes = 0;
        var e = StringInfo.GetTextElementEnumerator(clean);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var n = Encoding.UTF8.GetByteCount(element);
            if (bytes + n > 45 && chunk.Length > 0)
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
                bytes = 0;
            }
            chunk.Append(element);
            bytes += n;
        }
        if (chunk.Length > 0) words.Add(EncodedWord(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    private static string EncodedWord(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
