using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Monitoring.Metrics;
using Smallfish.Monitoring.Server;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Hosting;
using Smallfish.Service.Symbols;

namespace Smallfish.Service.Status;

/// <summary>
/// Runs the loopback status endpoint (<see cref="StatusServer"/>: <c>/status</c>, <c>/health</c>, <c>/metrics</c>)
/// over the heartbeat's published state. A port that cannot be bound is reported and the service trades on without
/// the endpoint; nothing else here can stop the host.
/// </summary>
public sealed class StatusService : IHostedService, IStatusSource, IAsyncDisposable
{
    private readonly RunContext _context;
    private readonly ServiceState _state;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SymbolScanState? _scan;
    private StatusServer? _server;
    private PrometheusExporter? _exporter;

    /// <summary>Creates the service.</summary>
    public StatusService(RunContext context, ServiceState state, TimeProvider clock, ILoggerFactory loggers, SymbolScanState? scan = null)
    {
        _scan = scan;
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<StatusService>();
    }

    /// <summary>The bound address (e.g. with the real port when 0 was configured), or null when not listening.</summary>
    public Uri? BaseAddress => _server?.BaseAddress;

    /// <inheritdoc />
    public StatusSnapshot? GetSnapshot() => StatusSnapshotMapper.Map(_context, _state, _clock.GetUnixTimeNs(), _scan);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_context.Options.Status.Enabled) return;
        _exporter = new PrometheusExporter();
        var server = new StatusServer(StatusServerOptions.From(_context.Options.Status), this, _exporter, _loggers);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            _server = server;
            StatusServiceLog.Listening(_logger, server.BaseAddress?.ToString() ?? "");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            StatusServiceLog.BindFailed(_logger, _context.Options.Status.BindAddress, _context.Options.Status.Port, ex);
            await server.DisposeAsync().ConfigureAwait(false);
            _exporter.Dispose();
            _exporter = null;
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        StatusServer? server = Interlocked.Exchange(ref _server, null);
        if (server is not null) await server.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        StatusServer? server = Interlocked.Exchange(ref _server, null);
        if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
        _exporter?.Dispose();
    }
}
