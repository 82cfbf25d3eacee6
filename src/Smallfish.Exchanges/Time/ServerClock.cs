using Smallfish.Core.Time;

namespace Smallfish.Exchanges.Time;

/// <summary>
/// The venue's clock as seen from here: local time from the injected <see cref="TimeProvider"/> plus a measured
/// offset. Signed requests are stamped with <see cref="NowMs"/>; both venues reject a timestamp 1 s or more ahead of
/// their clock or older than the receive window (Bybit 10002, Binance -1021).
/// </summary>
public sealed class ServerClock
{
    private readonly TimeProvider _clock;
    private long _offsetMs;
    private long _rttMs;
    private int _synced;

    /// <summary>Creates an unsynchronized clock (offset 0).</summary>
    public ServerClock(TimeProvider clock) => _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Server minus local time, ms.</summary>
    public long OffsetMs => Interlocked.Read(ref _offsetMs);

    /// <summary>Round trip of the last measurement, ms.</summary>
    public long RoundTripMs => Interlocked.Read(ref _rttMs);

    /// <summary>True after at least one measurement.</summary>
    public bool IsSynced => Volatile.Read(ref _synced) != 0;

    /// <summary>Local time, ms since the Unix epoch.</summary>
    public long LocalNowMs() => _clock.GetUnixTimeMs();

    /// <summary>Estimated server time, ms since the Unix epoch.</summary>
    public long NowMs() => _clock.GetUnixTimeMs() + OffsetMs;

    /// <summary>Converts a server timestamp to local time, ms.</summary>
    public long ToLocalMs(long serverMs) => serverMs - OffsetMs;

    /// <summary>
    /// Adopts a measurement: the server stamped <paramref name="serverMs"/> somewhere between the local send and
    /// receive times, assumed at the midpoint.
    /// </summary>
    public (long OffsetMs, long RoundTripMs) Apply(long localSendMs, long serverMs, long localReceiveMs)
    {
        if (localReceiveMs < localSendMs) throw new ArgumentOutOfRangeException(nameof(localReceiveMs), "receive before send");
        long rtt = localReceiveMs - localSendMs;
        long offset = serverMs - (localSendMs + rtt / 2);
        Interlocked.Exchange(ref _offsetMs, offset);
        Interlocked.Exchange(ref _rttMs, rtt);
        Volatile.Write(ref _synced, 1);
        return (offset, rtt);
    }
}
