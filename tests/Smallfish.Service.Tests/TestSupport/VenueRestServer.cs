using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A venue's public REST endpoints on 127.0.0.1 (Kestrel, port 0): each configured path answers 200 with its JSON
/// body (whatever the query string); any other path answers 404. Counts the calls per path.
/// </summary>
internal sealed class VenueRestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private VenueRestServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string BaseUrl { get; }

    /// <summary>Calls per path.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public static async Task<VenueRestServer> StartAsync(IReadOnlyDictionary<string, string> bodies)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        VenueRestServer? server = null;
        app.Run(async context =>
        {
            string path = context.Request.Path.Value ?? "";
            server!.Calls.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (!bodies.TryGetValue(path, out string? body))
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new VenueRestServer(app, address.TrimEnd('/'));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }
}
