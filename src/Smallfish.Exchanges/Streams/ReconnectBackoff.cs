namespace Smallfish.Exchanges.Streams;

/// <summary>Reconnect delay: exponential in the number of failed attempts, capped, with "equal jitter" (half fixed, half random).</summary>
internal static class ReconnectBackoff
{
    /// <param name="attempt">Failed attempts so far (0 for the first retry).</param>
    /// <param name="baseDelay">Delay of the first retry before jitter.</param>
    /// <param name="maxDelay">Cap before jitter.</param>
    /// <param name="random01">A uniform random number in [0, 1), injected so tests are deterministic.</param>
    public static TimeSpan Next(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random01)
    {
        double ms = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        ms = Math.Min(ms, maxDelay.TotalMilliseconds);
        double r = Math.Clamp(random01, 0, 1);
        return TimeSpan.FromMilliseconds(ms * (0.5 + 0.5 * r));
    }
}
