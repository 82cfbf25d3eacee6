using System.Globalization;

namespace Smallfish.Persistence.Export;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a
/// double quote, CR or LF (or starts or ends with a space), quotes inside doubled. Numbers use the invariant culture.
/// </summary>
internal sealed class Rfc4180Writer
{
    private readonly TextWriter _out;
    private bool _rowStarted;

    public Rfc4180Writer(TextWriter output) => _out = output;

    /// <summary>Writes one field of the current record.</summary>
    public void Field(object? value)
    {
        if (_rowStarted) _out.Write(',');
        _rowStarted = true;
        switch (value)
        {
            case null or DBNull:
                return;
            case long l:
                _out.Write(l.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                _out.Write(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case byte[] bytes:
                _out.Write(Convert.ToBase64String(bytes));
                return;
            default:
                Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
        }
    }

    /// <summary>Ends the current record.</summary>
    public void EndRow()
    {
        _out.Write("\r\n");
        _rowStarted = false;
    }

    private void Text(string s)
    {
        bool quote = s.Length > 0 && (s[0] == ' ' || s[^1] == ' ' || s.AsSpan().IndexOfAny(",\"\r\n") >= 0);
        if (!quote)
        {
            _out.Write(s);
            return;
        }
        _out.Write('"');
        _out.Write(s.Replace("\"", "\"\"", StringComparison.Ordinal));
        _out.Write('"');
    }
}
