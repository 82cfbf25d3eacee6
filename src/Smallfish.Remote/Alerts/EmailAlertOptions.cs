namespace Smallfish.Remote.Alerts;

/// <summary>Which events send mail, and how hard the alerter tries. Validated by <see cref="EmailAlertOptionsValidator"/>.</summary>
public sealed class EmailAlertOptions
{
    /// <summary>Turns email alerts on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Prefix of every subject.</summary>
    public string SubjectPrefix { get; set; } = "[smallfish]";

    /// <summary>Mail when the kill switch is triggered.</summary>
    public bool KillSwitchAlerts { get; set; } = true;

    /// <summary>Drawdown from the equity peak (fraction, 0.10 = 10 %) whose upward crossing sends one mail.</summary>
    public double DrawdownAlertFraction { get; set; } = 0.10;

    /// <summary>Drawdown below which the alert re-arms (hysteresis, so hovering at the threshold sends one mail, not many).</summary>
    public double DrawdownRearmFraction { get; set; } = 0.08;

    /// <summary>Send a daily summary.</summary>
    public bool DailySummary { get; set; } = true;

    /// <summary>Time of day, UTC, of the daily summary.</summary>
    public TimeSpan DailySummaryUtc { get; set; } = new(23, 55, 0);

    /// <summary>Delivery attempts per mail (transient failures only; a permanent refusal is not retried).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry (before jitter); doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ceiling of the retry wait.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Mails that may wait; further ones are dropped and logged.</summary>
    public int QueueCapacity { get; set; } = 64;
}
