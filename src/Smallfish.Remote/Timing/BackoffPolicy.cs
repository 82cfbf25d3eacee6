namespace Smallfish.Remote.Timing;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of <c>min(Max, Base * 2^(n-1))</c>.
/// A pure function: the random draw is passed in, so the same inputs always give the same delay.
/// </summary>
public sealed class BackoffPolicy
{
    /// <summary>Creates a policy. <paramref name="baseDelay"/> must be positive and not above <paramref name="maxDelay"/>.</summary>
    public BackoffPolicy(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (baseDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(baseDelay), baseDelay, "must be positive");
        if (maxDelay < baseDelay) throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, "must be at least the base delay");
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>Delay before the first retry, before jitter.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>Upper bound of any delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (1-based), given a uniform draw
    /// <paramref name="unitRandom"/> in [0, 1).
    /// </summary>
    public TimeSpan Compute(int attempt, double unitRandom)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "attempts count from 1");
        if (!(unitRandom >= 0 && unitRandom < 1)) throw new ArgumentOutOfRangeException(nameof(unitRandom), unitRandom, "must be in [0, 1)");
        var exponent = Math.Min(attempt - 1, 30);
        var ceilingTicks = Math.Min((double)MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent));
        var ticks = ceilingTicks / 2 + unitRandom * ceilingTicks / 2;
        return TimeSpan.FromTicks((long)ticks);
    }
}
