using Smallfish.Core.Configuration;
using Smallfish.Core.Time;

namespace Smallfish.Service.Heartbeat;

/// <summary>
/// Judges the engine loop and the feed from the loop's counters, deterministically (times come in as arguments).
/// Each check sends a new ping; the loop is alive while it takes each ping within
/// <see cref="ServiceOptions.LoopStallMs"/> of the check that sent it. The feed is stale when the loop's market-event
/// count has not moved for <see cref="ServiceOptions.FeedStaleMs"/>.
/// </summary>
public sealed class HeartbeatMonitor
{
    private readonly long _stallNs;
    private readonly long _staleNs;
    private long _sent;
    private long _lastAckNs;
    private long _lastMarketCount = -1;
    private long _lastMarketNs;
    private bool _alive = true;
    private bool _stale;

    /// <summary>Creates a monitor whose clocks start at <paramref name="startNs"/>.</summary>
    public HeartbeatMonitor(ServiceOptions options, long startNs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _stallNs = options.LoopStallMs * TimeProviderExtensions.NsPerMs;
        _staleNs = options.FeedStaleMs * TimeProviderExtensions.NsPerMs;
        _lastAckNs = startNs;
        _lastMarketNs = startNs;
    }

    /// <summary>The sequence number of the latest ping handed out.</summary>
    public long LastPingSent => _sent;

    /// <summary>Judges the state at <paramref name="nowNs"/> from the loop's last taken ping and its market-event count.</summary>
    public HeartbeatCheck Check(long nowNs, long lastPingTaken, long marketEvents)
    {
        if (lastPingTaken >= _sent) _lastAckNs = nowNs;
        bool alive = nowNs - _lastAckNs < _stallNs;

        if (marketEvents != _lastMarketCount)
        {
            if (_lastMarketCount >= 0 || marketEvents > 0) _lastMarketNs = nowNs;
            _lastMarketCount = marketEvents;
        }

        bool stale = nowNs - _lastMarketNs >= _staleNs;
        var check = new HeartbeatCheck(nowNs, alive, stale, (nowNs - _lastMarketNs) / (double)TimeProviderExtensions.NsPerMs, alive != _alive, stale != _stale);
        _alive = alive;
        _stale = stale;
        return check;
    }

    /// <summary>The next ping's sequence number (send it to the loop after each check).</summary>
    public long NextPing() => ++_sent;
}
