using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Monitoring.Dashboard;
using Smallfish.Service.Hosting;
using Spectre.Console;

namespace Smallfish.Service.Status;

/// <summary>
/// The terminal dashboard in the service's own process (<c>--dashboard</c> on an interactive terminal): draws the
/// status the endpoint would serve, without HTTP. Console logging is off while it runs (the files still log).
/// </summary>
public sealed class DashboardService : BackgroundService
{
    private readonly StatusService _status;
    private readonly RunContext _context;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public DashboardService(StatusService status, RunContext context, ILogger<DashboardService> logger)
    {
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var client = new DashboardClient(_status, AnsiConsole.Console, DashboardClientOptions.From(_context.Options.Dashboard));
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "dashboard stopped; the service goes on");
        }
    }
}
