namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Secrets</c>. Filled from environment variables (BYBIT_API_KEY / BINANCE_API_KEY and their
/// _SECRET, chosen by the configured exchange; TELEGRAM_BOT_TOKEN; SMTP_PASSWORD), a git-ignored
/// <c>appsettings.Secrets.json</c> or a <c>.env</c> file. Never printed: <see cref="ToString"/>, configuration
/// printouts and error lines go through <see cref="Redact"/>.
/// </summary>
public sealed class SecretsOptions
{
    /// <summary>What <see cref="Redact"/> prints for a value that is set.</summary>
    public const string RedactedText = "***";

    /// <summary>What <see cref="Redact"/> prints for a value that is not set.</summary>
    public const string NotSetText = "(not set)";

    /// <summary>API key of the configured exchange.</summary>
    [Secret]
    public string ApiKey { get; set; } = "";

    /// <summary>API secret of the configured exchange.</summary>
    [Secret]
    public string ApiSecret { get; set; } = "";

    /// <summary>Telegram bot token.</summary>
    [Secret]
    public string TelegramBotToken { get; set; } = "";

    /// <summary>SMTP password.</summary>
    [Secret]
    public string SmtpPassword { get; set; } = "";

    /// <summary>True when both exchange credentials are present.</summary>
    public bool HasExchangeCredentials => ApiKey.Length > 0 && ApiSecret.Length > 0;

    /// <summary>
    /// Renders a secret for humans: <see cref="RedactedText"/> when it is set, <see cref="NotSetText"/> when it is
    /// null or empty. Never returns any part of the value.
    /// </summary>
    public static string Redact(string? value) => string.IsNullOrEmpty(value) ? NotSetText : RedactedText;

    /// <inheritdoc />
    public override string ToString() =>
        $"ApiKey={Redact(ApiKey)} ApiSecret={Redact(ApiSecret)} TelegramBotToken={Redact(TelegramBotToken)} SmtpPassword={Redact(SmtpPassword)}";
}
