using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Offline;

/// <summary>
/// Owns the offline venue for the host: registered first, so it stops last (after the engine loop has drained and
/// the journal is closed). The emulator itself is started before the host is built, because its addresses go into
/// the configuration every other service reads.
/// </summary>
public sealed class OfflineVenueService(OfflineVenue venue, ILogger<OfflineVenueService> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        OfflineLog.Running(logger, venue.Emulator.BaseUri.ToString(), venue.Description);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await venue.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            OfflineLog.Stopped(logger, venue.Emulator.Feed.EventsReleased);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OfflineLog.StopFailed(logger, ex);
        }
    }
}
