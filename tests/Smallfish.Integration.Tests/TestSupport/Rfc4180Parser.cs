using System.Text;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>
/// Test-local strict RFC 4180 parser (quoted fields, doubled quotes, CRLF records, CR/LF allowed inside quotes), used to
/// check what the exporter wrote. Throws on anything RFC 4180 does not allow.
/// </summary>
internal static class Rfc4180Parser
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool fieldStarted = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                fieldStarted = true;
                if (i < text.Length && text[i] != ',' && text[i] != '\r') throw new FormatException($"text after a closing quote at {i}");
                continue;
            }
            if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
                continue;
            }
            if (c == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"bare CR at {i}");
                row.Add(field.ToString());
                rows.Add(row.ToArray());
                row.Clear();
                field.Clear();
                fieldStarted = false;
                i += 2;
                continue;
            }
            if (c == '\n') throw new FormatException($"bare LF at {i}");
            if (c == '"') throw new FormatException($"quote inside an unquoted field at {i}");
            field.Append(c);
            fieldStarted = true;
            i++;
        }
        if (fieldStarted || row.Count > 0) throw new FormatException("last record not terminated by CRLF");
        return rows;
    }
}
