using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) serving in-memory files under the public archives' URL layout, with HTTP
/// Range support, directory "listings" for folders that hold files, and a log of every request path.
/// </summary>
internal sealed class ArchiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private ArchiveServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ArchiveServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ArchiveServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        if (server.BaseUrl.Host != "127.0.0.1") throw new InvalidOperationException("test server must be loopback");
        return server;
    }

    public void Add(string path, byte[] content) => _files[path.TrimStart('/')] = content;

    public int CountRequests(string pathPart) => Requests.Count(r => r.Contains(pathPart, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value!.TrimStart('/');
        var rangeHeader = context.Request.Headers.Range.ToString();
        Requests.Enqueue(context.Request.Method + " " + path + (rangeHeader.Length > 0 ? " " + rangeHeader : ""));
        if (path.EndsWith('/'))
        {
            bool any = _files.Keys.Any(k => k.StartsWith(path, StringComparison.Ordinal));
            context.Response.StatusCode = any ? 200 : 404;
            if (any) await context.Response.WriteAsync("<html>listing</html>");
            return;
        }
        if (!_files.TryGetValue(path, out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }
        long start = 0;
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (start >= content.Length)
            {
                context.Response.StatusCode = 416;
                return;
            }
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }
        var body = content.AsMemory((int)start);
        context.Response.ContentLength = content.Length - start;
        if (context.Request.Method == HttpMethods.Head) return;
        await context.Response.Body.WriteAsync(body);
    }
}
