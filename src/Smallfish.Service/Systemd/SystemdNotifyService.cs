using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Service.Hosting;

namespace Smallfish.Service.Systemd;

/// <summary>
/// Registered last, so it starts last and stops first: sends <c>READY=1</c> (with a <c>STATUS=</c> line) once every
/// other service has started (journal open, engine running, market data connecting, status endpoint listening), and
/// <c>STOPPING=1</c> as the very first step of a stop.
/// </summary>
public sealed class SystemdNotifyService : IHostedService
{
    private readonly ISystemdNotifier _notifier;
    private readonly ServiceState _state;
    private readonly RunContext _context;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public SystemdNotifyService(ISystemdNotifier notifier, ServiceState state, RunContext context, ILogger<SystemdNotifyService> logger)
    {
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _state.Ready = true;
        bool sent = _notifier.Notify(SystemdNotifier.Ready + "\n" + SystemdNotifier.Status("running: " + _context.Describe()));
        SystemdLog.Ready(_logger, _context.Describe(), sent);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _state.Ready = false;
        _notifier.Notify(SystemdNotifier.Stopping + "\n" + SystemdNotifier.Status("stopping: no new entries, cancelling resting entry orders"));
        SystemdLog.Stopping(_logger);
        return Task.CompletedTask;
    }
}
