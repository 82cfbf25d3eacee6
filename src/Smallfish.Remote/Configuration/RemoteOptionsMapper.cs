using System.Net;
using Smallfish.Core.Configuration;
using Smallfish.Remote.Alerts;
using Smallfish.Remote.Email;
using Smallfish.Remote.Telegram;

namespace Smallfish.Remote.Configuration;

/// <summary>
/// Builds the transport options from the user-facing configuration (<c>Smallfish:Telegram</c>, <c>Smallfish:Email</c>,
/// <c>Smallfish:Secrets</c>), so the service binds one set of keys. Settings the configuration does not expose keep
/// the transport defaults (timeouts, retries, pacing, confirmation window).
/// </summary>
public static class RemoteOptionsMapper
{
    /// <summary>Telegram: enabled flag, allowed chats, long-poll seconds, API URL and the bot token.</summary>
    public static TelegramBotOptions ToTelegramBotOptions(TelegramOptions telegram, SecretsOptions secrets)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        ArgumentNullException.ThrowIfNull(secrets);
        var baseUrl = telegram.ApiBaseUrl.EndsWith('/') ? telegram.ApiBaseUrl : telegram.ApiBaseUrl + "/";
        return new TelegramBotOptions
        {
            Enabled = telegram.Enabled,
            BotToken = secrets.TelegramBotToken,
            ApiBaseAddress = new Uri(baseUrl, UriKind.Absolute),
            AllowedChatIds = [.. telegram.AllowedChatIds],
            // 0 would be short polling: a request loop with no pause. Long-poll at least a second.
            PollTimeoutSeconds = Math.Max(1, telegram.PollTimeoutSeconds),
        };
    }

    /// <summary>
    /// SMTP: host, port, user, sender, recipients and the password. <c>UseTls</c> means implicit TLS on port 465 and
    /// STARTTLS on any other port. Credentials over a plain connection are allowed only to a loopback relay.
    /// </summary>
    public static SmtpOptions ToSmtpOptions(EmailOptions email, SecretsOptions secrets)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(secrets);
        var security = !email.UseTls ? SmtpSecurity.None : email.SmtpPort == 465 ? SmtpSecurity.Implicit : SmtpSecurity.StartTls;
        return new SmtpOptions
        {
            Host = email.SmtpHost,
            Port = email.SmtpPort,
            Security = security,
            Username = email.Username,
            Password = secrets.SmtpPassword,
            From = email.From,
            To = [.. email.To],
            AllowAuthWithoutTls = IsLoopback(email.SmtpHost),
        };
    }

    /// <summary>Alert policy: enabled flag, drawdown threshold (percent to fraction, re-armed at 80 % of it), summary time.</summary>
    public static EmailAlertOptions ToEmailAlertOptions(EmailOptions email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var threshold = email.DrawdownAlertPct / 100.0;
        return new EmailAlertOptions
        {
            Enabled = email.Enabled,
            DrawdownAlertFraction = threshold,
            DrawdownRearmFraction = threshold * 0.8,
            DailySummaryUtc = email.DailySummaryTimeUtc.ToTimeSpan(),
        };
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
