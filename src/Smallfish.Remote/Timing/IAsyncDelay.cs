namespace Smallfish.Remote.Timing;

/// <summary>
/// Waits for a span of time. Every wait in the remote-control transport (flood-control pauses, rate limiting, retry
/// backoff) goes through this seam, so tests record and skip the waits instead of sleeping.
/// </summary>
public interface IAsyncDelay
{
    /// <summary>Completes after <paramref name="delay"/>, or throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}
