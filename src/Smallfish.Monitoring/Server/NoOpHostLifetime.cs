using Microsoft.Extensions.Hosting;

namespace Smallfish.Monitoring.Server;

/// <summary>
/// The embedded web host's lifetime: it does nothing, so the status server never installs its own Ctrl+C / SIGTERM
/// handlers; the service's host owns the process lifetime and stops the server.
/// </summary>
internal sealed class NoOpHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
