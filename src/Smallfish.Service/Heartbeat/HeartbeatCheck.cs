namespace Smallfish.Service.Heartbeat;

/// <summary>One heartbeat verdict.</summary>
/// <param name="AtNs">When it was made, ns since the Unix epoch.</param>
/// <param name="LoopAlive">True while the engine loop keeps taking the heartbeat's pings in time.</param>
/// <param name="FeedStale">True when no market event was processed within the staleness limit.</param>
/// <param name="LastEventAgeMs">Time since the loop last processed a market event, milliseconds.</param>
/// <param name="LoopChanged">True when <see cref="LoopAlive"/> differs from the previous verdict.</param>
/// <param name="FeedChanged">True when <see cref="FeedStale"/> differs from the previous verdict.</param>
public readonly record struct HeartbeatCheck(long AtNs, bool LoopAlive, bool FeedStale, double LastEventAgeMs, bool LoopChanged, bool FeedChanged)
{
    /// <summary>The verdict before the first check: loop alive, feed not yet judged.</summary>
    public static HeartbeatCheck Initial => new(0, true, false, 0, false, false);
}
