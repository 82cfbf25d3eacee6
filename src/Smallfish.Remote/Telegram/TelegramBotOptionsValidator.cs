using Microsoft.Extensions.Options;

namespace Smallfish.Remote.Telegram;

/// <summary>Checks <see cref="TelegramBotOptions"/> and reports every problem at once; never echoes the token.</summary>
public sealed class TelegramBotOptionsValidator : IValidateOptions<TelegramBotOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelegramBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!LooksLikeToken(options.BotToken))
            errors.Add("Secrets:TelegramBotToken (TELEGRAM_BOT_TOKEN) must be the token from BotFather (<digits>:<secret>); value not shown");
        if (options.AllowedChatIds.Length == 0)
            errors.Add("Telegram:AllowedChatIds (TELEGRAM_CHAT_ID) must name at least one chat: the bot obeys no one otherwise");
        if (options.PollTimeoutSeconds is < 1 or > 600)
            errors.Add($"Telegram:PollTimeoutSeconds is {options.PollTimeoutSeconds}; must be 1-600");
        if (options.RequestTimeout <= TimeSpan.Zero)
            errors.Add($"Telegram:RequestTimeout is {options.RequestTimeout}; must be positive");
        if (options.MaxTransientRetries < 0) errors.Add($"Telegram:MaxTransientRetries is {options.MaxTransientRetries}; must be >= 0");
        if (options.MaxFloodRetries < 0) errors.Add($"Telegram:MaxFloodRetries is {options.MaxFloodRetries}; must be >= 0");
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
            errors.Add("Telegram:RetryBaseDelay must be positive and not above Telegram:RetryMaxDelay");
        if (options.PerChatMessageInterval < TimeSpan.Zero)
            errors.Add($"Telegram:PerChatMessageInterval is {options.PerChatMessageInterval}; must not be negative");
        if (options.GlobalMessagesPerSecond is < 1 or > 30)
            errors.Add($"Telegram:GlobalMessagesPerSecond is {options.GlobalMessagesPerSecond}; must be 1-30");
        if (options.OutboxCapacity < 1) errors.Add($"Telegram:OutboxCapacity is {options.OutboxCapacity}; must be >= 1");
        if (options.ConfirmationWindow <= TimeSpan.Zero)
            errors.Add($"Telegram:ConfirmationWindow is {options.ConfirmationWindow}; must be positive");
        if (options.MaxCommandAge <= TimeSpan.Zero)
            errors.Add($"Telegram:MaxCommandAge is {options.MaxCommandAge}; must be positive");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool LooksLikeToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == token.Length - 1) return false;
        for (int i = 0; i < colon; i++)
        {
            if (!char.IsAsciiDigit(token[i])) return false;
        }
        for (int i = colon + 1; i < token.Length; i++)
        {
            var c = token[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-') return false;
        }
        return true;
    }
}
