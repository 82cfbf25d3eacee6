using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Smallfish.Emulator.Hosting;

/// <summary>One REST request as the handlers see it: the exact query and body text (signatures cover them) and parsed parameters.</summary>
internal sealed class RestRequest
{
    private Dictionary<string, StringValues>? _query;
    private Dictionary<string, StringValues>? _form;

    public RestRequest(string method, string path, string query, string body, IHeaderDictionary headers, long nowMs)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
        Headers = headers;
        NowMs = nowMs;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The query string exactly as received, without '?'.</summary>
    public string Query { get; }

    /// <summary>The body exactly as received (UTF-8).</summary>
    public string Body { get; }

    public IHeaderDictionary Headers { get; }

    /// <summary>Server time when the request arrived, ms.</summary>
    public long NowMs { get; }

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v.ToString() : "";

    /// <summary>A query parameter, then (Binance) a form-body parameter: the query wins when both carry one.</summary>
    public string? Param(string name)
    {
        _query ??= QueryHelpers.ParseQuery(Query);
        if (_query.TryGetValue(name, out var q)) return q.ToString();
        if (Body.Length == 0 || Body[0] == '{') return null;
        _form ??= QueryHelpers.ParseQuery(Body);
        return _form.TryGetValue(name, out var f) ? f.ToString() : null;
    }
}
