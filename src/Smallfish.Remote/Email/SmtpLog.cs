using Microsoft.Extensions.Logging;

namespace Smallfish.Remote.Email;

/// <summary>Source-generated log messages of the SMTP client and the email alerter (event ids 7100-7199). No credentials, no bodies.</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(7100, LogLevel.Debug, "SMTP connecting to {Host}:{Port} ({Security})")]
    public static partial void Connecting(this ILogger logger, string host, int port, SmtpSecurity security);

    [LoggerMessage(7101, LogLevel.Trace, "SMTP > {Verb}")]
    public static partial void Command(this ILogger logger, string verb);

    [LoggerMessage(7102, LogLevel.Debug, "SMTP TLS established ({Protocol})")]
    public static partial void TlsEstablished(this ILogger logger, string protocol);

    [LoggerMessage(7103, LogLevel.Information, "SMTP delivered \"{Subject}\" to {Recipients} recipient(s)")]
    public static partial void Delivered(this ILogger logger, string subject, int recipients);

    [LoggerMessage(7110, LogLevel.Information, "Email alert queued: {Kind}")]
    public static partial void AlertQueued(this ILogger logger, string kind);

    [LoggerMessage(7111, LogLevel.Warning, "Email alert queue full ({Capacity}); \"{Subject}\" dropped")]
    public static partial void AlertQueueFull(this ILogger logger, int capacity, string subject);

    [LoggerMessage(7112, LogLevel.Warning, "Email \"{Subject}\" attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void AlertRetry(this ILogger logger, string subject, int attempt, string reason, long delayMs);

    [LoggerMessage(7113, LogLevel.Error, "Email \"{Subject}\" given up after {Attempts} attempt(s): {Reason}")]
    public static partial void AlertDropped(this ILogger logger, string subject, int attempts, string reason);

    [LoggerMessage(7114, LogLevel.Information, "Email \"{Subject}\" sent (attempt {Attempt})")]
    public static partial void AlertSent(this ILogger logger, string subject, int attempt);

    [LoggerMessage(7115, LogLevel.Error, "Daily summary could not be built")]
    public static partial void DailySummaryFailed(this ILogger logger, Exception exception);

    [LoggerMessage(7116, LogLevel.Error, "Email alerter: unexpected failure while queuing {Kind}")]
    public static partial void AlertCrashed(this ILogger logger, string kind, Exception exception);
}
