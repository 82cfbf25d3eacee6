namespace Smallfish.Core.Time;

/// <summary>Unix-epoch helpers over <see cref="TimeProvider"/>, the only clock the core reads.</summary>
public static class TimeProviderExtensions
{
    /// <summary>Nanoseconds per millisecond.</summary>
    public const long NsPerMs = 1_000_000;

    /// <summary>Nanoseconds per second.</summary>
    public const long NsPerSecond = 1_000_000_000;

    /// <summary>Current time in nanoseconds since the Unix epoch (100 ns resolution).</summary>
    public static long GetUnixTimeNs(this TimeProvider clock) => (clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Current time in milliseconds since the Unix epoch.</summary>
    public static long GetUnixTimeMs(this TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Converts nanoseconds since the epoch to a <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset FromUnixNs(long ns) => new(DateTimeOffset.UnixEpoch.UtcTicks + ns / 100, TimeSpan.Zero);
}
