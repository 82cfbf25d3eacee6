using Microsoft.AspNetCore.Http;
using Smallfish.Emulator.Faults;

namespace Smallfish.Emulator.Hosting;

/// <summary>
/// Dispatches REST requests: route lookup, request statistics, fault injection (5xx, rate limit, held answer),
/// authentication, the handler, and the answer. Handlers run synchronously; only a held answer waits.
/// </summary>
internal sealed class RestRouter
{
    private const int MaxBodyBytes = 1 << 20;
    private readonly Dictionary<(string Method, string Path), (RestEndpoint Endpoint, IRestSurface Surface)> _routes = new();
    private readonly EmulatorFaults _faults;
    private readonly EmulatorStatistics _stats;
    private readonly TimeProvider _clock;

    public RestRouter(EmulatorFaults faults, EmulatorStatistics stats, TimeProvider clock)
    {
        _faults = faults;
        _stats = stats;
        _clock = clock;
    }

    /// <summary>The surface a <see cref="Map"/> call registers routes for.</summary>
    public IRestSurface? Current { get; set; }

    public void Map(string method, string path, RestSecurity security, Func<RestRequest, RestReply> handler) =>
        _routes[(method, path)] = (new RestEndpoint(security, handler), Current ?? throw new InvalidOperationException("no surface"));

    public bool Has(string method, string path) => _routes.ContainsKey((method, path));

    public async Task HandleAsync(HttpContext ctx)
    {
        string method = ctx.Request.Method;
        string path = ctx.Request.Path.Value ?? "";
        if (!_routes.TryGetValue((method, path), out var route))
        {
            _stats.CountRequest(method, path, 404, _clock.GetUtcNow().ToUnixTimeMilliseconds());
            ctx.Response.StatusCode = 404;
            return;
        }
        string query = ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : "";
        string body = await ReadBodyAsync(ctx.Request).ConfigureAwait(false);
        var request = new RestRequest(method, path, query, body, ctx.Request.Headers, _clock.GetUtcNow().ToUnixTimeMilliseconds());
        var fault = _faults.TakeRestFault(path);
        RestReply reply;
        if (fault is { Kind: RestFaultKind.ServerError, ExecuteFirst: false })
        {
            reply = route.Surface.ServerError(request, fault.Status);
        }
        else if (fault is { Kind: RestFaultKind.RateLimited })
        {
            reply = route.Surface.RateLimited(request, fault);
        }
        else
        {
            reply = route.Surface.Authenticate(request, route.Endpoint.Security) ?? Execute(route, request);
            if (fault is { Kind: RestFaultKind.ServerError }) reply = route.Surface.ServerError(request, fault.Status);
            route.Surface.Decorate(request, reply);
        }
        _stats.CountRequest(method, path, reply.Status, request.NowMs);
        if (fault is { Kind: RestFaultKind.HoldAnswer })
        {
            try
            {
                await Task.Delay(fault.Hold, _clock, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _stats.CountLostAnswer();
                return; // the client gave up; the request was executed anyway
            }
        }
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers) ctx.Response.Headers[name] = value;
        await ctx.Response.Body.WriteAsync(reply.Body, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static RestReply Execute((RestEndpoint Endpoint, IRestSurface Surface) route, RestRequest request)
    {
        try
        {
            return route.Endpoint.Handler(request);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or OverflowException)
        {
            return route.Surface.BadRequest(request, ex.Message);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0) return "";
        using var reader = new StreamReader(request.Body);
        char[] buffer = new char[8192];
        var sb = new System.Text.StringBuilder();
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            sb.Append(buffer, 0, n);
            if (sb.Length > MaxBodyBytes) throw new BadHttpRequestException("body too large", 413);
        }
        return sb.ToString();
    }
}
