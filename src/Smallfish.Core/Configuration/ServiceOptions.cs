using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Service</c>: how the <c>smallfish</c> service runs its engine loop, watches itself, stops and
/// logs. Ignored by the backtest.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Inputs (market events, reports, commands) the engine loop may have queued; market events beyond it are dropped and counted.</summary>
    [Range(1024, 4_194_304)]
    public int EngineQueueCapacity { get; set; } = 65_536;

    /// <summary>How often the engine's time-based rules run when the market is quiet, in milliseconds.</summary>
    [Range(10, 60_000)]
    public int EngineTimerMs { get; set; } = 100;

    /// <summary>How often the heartbeat checks the loop and the feed and publishes a snapshot, in milliseconds (at most half of systemd's WatchdogSec is used).</summary>
    [Range(50, 60_000)]
    public int HeartbeatIntervalMs { get; set; } = 1000;

    /// <summary>The loop counts as stalled when it has not taken the heartbeat's ping for this long, in milliseconds.</summary>
    [Range(100, 600_000)]
    public int LoopStallMs { get; set; } = 5000;

    /// <summary>The feed counts as stale (entries held, alert raised) when no market event arrived for this long, in milliseconds.</summary>
    [Range(100, 3_600_000)]
    public int FeedStaleMs { get; set; } = 10_000;

    /// <summary>On stop, how long the loop keeps taking execution reports after cancelling resting entries, in milliseconds.</summary>
    [Range(0, 120_000)]
    public int ShutdownDrainMs { get; set; } = 3000;

    /// <summary>Longest time the host gives all services to stop, in seconds (keep it below systemd's TimeoutStopSec).</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 20;

    /// <summary>Lowest level written to the console and the log files: trace, debug, information, warning, error or critical.</summary>
    public ServiceLogLevel LogLevel { get; set; } = ServiceLogLevel.Information;

    /// <summary>Whether rolling log files are written under the data directory's <c>logs/</c>.</summary>
    public bool FileLogs { get; set; } = true;

    /// <summary>Daily log files kept.</summary>
    [Range(1, 3650)]
    public int FileLogRetainedDays { get; set; } = 14;
}
