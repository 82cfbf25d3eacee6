using System.Globalization;
using System.Text;

namespace Smallfish.Exchanges.Http;

/// <summary>Builds a percent-encoded query string in insertion order (the order that is signed and sent).</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _sb = new();

    public QueryBuilder Add(string name, string value)
    {
        if (_sb.Length > 0) _sb.Append('&');
        _sb.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryBuilder Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder AddIf(bool condition, string name, string value) => condition ? Add(name, value) : this;

    public override string ToString() => _sb.ToString();
}
