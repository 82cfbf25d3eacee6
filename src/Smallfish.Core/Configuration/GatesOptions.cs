using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Gates</c>: pre-trade gates that must all pass before an entry. Overridable per symbol.</summary>
public sealed class GatesOptions
{
    /// <summary>No entry when the spread is wider than this, in ticks.</summary>
    [Range(1, 100_000)]
    public int MaxSpreadTicks { get; set; } = 2;

    /// <summary>No entry when feed latency (local receive time minus exchange time) exceeds this, in milliseconds.</summary>
    [Range(1, 60_000)]
    public int MaxFeedLatencyMs { get; set; } = 80;

    /// <summary>Stay flat this many minutes either side of a funding time (0 = no funding gate).</summary>
    [Range(0, 240)]
    public int FundingWindowMinutes { get; set; } = 3;

    /// <summary>Pause after a losing trade, in seconds (profiles: 10 / 5 / 5 / 3).</summary>
    [Range(0, 86_400)]
    public int CooldownAfterLossSeconds { get; set; } = 5;

    /// <summary>No entry when the book has not been updated for this long, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int BookStaleMs { get; set; } = 1500;
}
