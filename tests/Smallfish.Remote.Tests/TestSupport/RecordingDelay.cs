using System.Collections.Concurrent;
using Smallfish.Core.Time;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>
/// An <see cref="IAsyncDelay"/> that never sleeps: it records each requested wait and, when given a clock, moves that
/// clock forward by the wait, so code observes exactly the time it asked to wait.
/// </summary>
internal sealed class RecordingDelay : IAsyncDelay
{
    private readonly SimulatedClock? _clock;
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public RecordingDelay(SimulatedClock? clock = null) => _clock = clock;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _waits.Enqueue(delay);
        if (_clock is not null && delay > TimeSpan.Zero) _clock.Advance(delay);
        await Task.Yield(); // a retry loop against a failing peer must not spin synchronously
    }
}
