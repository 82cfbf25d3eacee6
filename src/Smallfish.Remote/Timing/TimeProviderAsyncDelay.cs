namespace Smallfish.Remote.Timing;

/// <summary>The production <see cref="IAsyncDelay"/>: a timer on the given <see cref="TimeProvider"/>.</summary>
public sealed class TimeProviderAsyncDelay : IAsyncDelay
{
    private readonly TimeProvider _time;

    /// <summary>Creates a delay source over <paramref name="time"/> (the system clock in the service).</summary>
    public TimeProviderAsyncDelay(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
}
