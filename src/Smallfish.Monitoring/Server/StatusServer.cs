using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Monitoring.Metrics;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Server;

/// <summary>
/// The loopback status endpoint: a minimal Kestrel host serving <c>GET /status</c> (the snapshot JSON),
/// <c>GET /health</c> (200 or 503 with a short JSON reason) and <c>GET /metrics</c> (Prometheus text). It listens on
/// 127.0.0.1 by default, refuses an address beyond loopback unless allowed, and can listen on a unix domain socket.
/// A hosted service: the host starts and stops it.
/// </summary>
public sealed class StatusServer : IHostedService, IAsyncDisposable
{
    private readonly StatusServerOptions _options;
    private readonly IPAddress? _address;
    private readonly IStatusSource _source;
    private readonly PrometheusExporter? _exporter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private IReadOnlyList<string> _addresses = [];

    /// <summary>
    /// Checks <paramref name="options"/> (throws <see cref="StatusServerConfigurationException"/> before anything
    /// listens) and prepares the server. <paramref name="exporter"/> backs <c>/metrics</c> (404 without one).
    /// </summary>
    public StatusServer(StatusServerOptions options, IStatusSource source, PrometheusExporter? exporter = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _exporter = exporter;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<StatusServer>();
        if (!string.IsNullOrWhiteSpace(options.BindAddress))
        {
            _address = StatusBindAddress.Resolve(options.BindAddress, options.AllowNonLoopback);
            StatusBindAddress.CheckPort(options.Port);
        }
        else if (string.IsNullOrWhiteSpace(options.UnixSocketPath))
        {
            throw new StatusServerConfigurationException(StatusServerOptions.BindAddressKey, "",
                "an address (or a unix socket path) is required for the status endpoint to listen");
        }
    }

    /// <summary>The addresses actually bound (with the real port when 0 was asked), e.g. <c>http://127.0.0.1:40123</c>; empty before start.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>The first TCP address bound, or null (not started, or unix socket only).</summary>
    public Uri? BaseAddress
    {
        get
        {
            foreach (string a in _addresses)
            {
                if (a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !a.Contains("unix:", StringComparison.OrdinalIgnoreCase)) return new Uri(a);
            }
            return null;
        }
    }

    /// <summary>Binds and starts serving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) throw new InvalidOperationException("the status server is already started");
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(StatusServer).Assembly.GetName().Name });
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            if (_address is not null) kestrel.Listen(_address, _options.Port);
            if (!string.IsNullOrWhiteSpace(_options.UnixSocketPath)) kestrel.ListenUnixSocket(_options.UnixSocketPath);
        });

        WebApplication app = builder.Build();
        app.MapGet("/status", (RequestDelegate)ServeStatusAsync);
        app.MapGet("/health", (RequestDelegate)ServeHealthAsync);
        app.MapGet("/metrics", (RequestDelegate)ServeMetricsAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        _addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        StatusServerLog.Listening(_logger, string.Join(", ", _addresses));
    }

    /// <summary>Stops serving (in-flight requests get until <paramref name="cancellationToken"/> fires).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WebApplication? app = _app;
        if (app is null) return;
        _app = null;
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _addresses = [];
        }
    }

    /// <summary>Stops the server if it runs.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task ServeStatusAsync(HttpContext context)
    {
        StatusSnapshot? snapshot;
        try
        {
            snapshot = _source.GetSnapshot();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StatusServerLog.SourceFailed(_logger, "/status", ex);
            await WriteHealthAsync(context, new HealthReport(HealthState.Unhealthy, HealthReason.SourceFailed, null), StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            return;
        }

        if (snapshot is null)
        {
            await WriteHealthAsync(context, HealthReport.From(null), StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, snapshot, StatusJsonContext.Default.StatusSnapshot, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ServeHealthAsync(HttpContext context)
    {
        HealthReport report;
        try
        {
            report = HealthReport.From(_source.GetSnapshot());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StatusServerLog.SourceFailed(_logger, "/health", ex);
            report = new HealthReport(HealthState.Unhealthy, HealthReason.SourceFailed, null);
        }
        await WriteHealthAsync(context, report, report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
    }

    private async Task ServeMetricsAsync(HttpContext context)
    {
        if (_exporter is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string text;
        try
        {
            text = _exporter.Scrape();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StatusServerLog.ScrapeFailed(_logger, ex);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusExporter.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteHealthAsync(HttpContext context, HealthReport report, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, report, StatusJsonContext.Default.HealthReport, context.RequestAborted).ConfigureAwait(false);
    }
}
