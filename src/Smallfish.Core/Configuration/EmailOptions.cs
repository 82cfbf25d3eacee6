using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Email</c>: alerts for the kill switch, a drawdown threshold and a daily summary. The SMTP
/// password is a secret and lives in <see cref="SecretsOptions.SmtpPassword"/>.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>Whether email alerts are sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>SMTP server host name (required when enabled).</summary>
    public string SmtpHost { get; set; } = "";

    /// <summary>SMTP server port.</summary>
    [Range(1, 65_535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Whether the SMTP connection is upgraded with STARTTLS.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>SMTP user name (empty = no authentication).</summary>
    public string Username { get; set; } = "";

    /// <summary>Sender address (required when enabled).</summary>
    public string From { get; set; } = "";

    /// <summary>Recipient addresses (at least one when enabled).</summary>
    public List<string> To { get; set; } = [];

    /// <summary>An alert is sent when drawdown from the equity peak reaches this percent.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double DrawdownAlertPct { get; set; } = 5.0;

    /// <summary>Time of day, UTC, at which the daily summary is sent.</summary>
    public TimeOnly DailySummaryTimeUtc { get; set; } = new(23, 55);
}
