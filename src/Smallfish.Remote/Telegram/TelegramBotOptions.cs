namespace Smallfish.Remote.Telegram;

/// <summary>
/// Settings of the Telegram transport: connection, who may command the bot, polling, pacing and confirmations.
/// The user-facing keys live in <c>Smallfish:Telegram</c> and <c>Smallfish:Secrets</c> (Core configuration);
/// <see cref="Configuration.RemoteOptionsMapper.ToTelegramBotOptions"/> builds this from them, the rest are transport defaults.
/// Validated by <see cref="TelegramBotOptionsValidator"/>. <see cref="BotToken"/> is a secret and never printed.
/// </summary>
public sealed class TelegramBotOptions
{
    /// <summary>Turns the Telegram remote control on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot token from BotFather (<c>123456:ABC...</c>). Secret: supply it from the environment or a secrets file.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Bot API root; <c>https://api.telegram.org/</c> unless a local Bot API server or a test double is used.</summary>
    public Uri ApiBaseAddress { get; set; } = new("https://api.telegram.org/");

    /// <summary>Chats whose commands are obeyed (the owner's private chat id). Everything else is ignored.</summary>
    public long[] AllowedChatIds { get; set; } = [];

    /// <summary>
    /// When non-empty, the sender (<c>from.id</c>) must also be listed; use this when an allowed chat is a group.
    /// </summary>
    public long[] AllowedUserIds { get; set; } = [];

    /// <summary>The bot's username without @; when empty it is learned from <c>getMe</c> at start.</summary>
    public string? BotUsername { get; set; }

    /// <summary>Long-poll seconds of <c>getUpdates</c> (1-600; Telegram suggests 25-50).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Discard the backlog at start so a command sent while the service was down never fires later.</summary>
    public bool DropPendingUpdatesOnStart { get; set; } = true;

    /// <summary>HTTP timeout of one request, added to <see cref="PollTimeoutSeconds"/> for <c>getUpdates</c> (wall time).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of one request after a network error or a 5xx answer (with jittered exponential backoff).</summary>
    public int MaxTransientRetries { get; set; } = 3;

    /// <summary>Retries of one request after a 429 answer (each after exactly <c>retry_after</c> seconds).</summary>
    public int MaxFloodRetries { get; set; } = 3;

    /// <summary>First retry delay of the backoff (before jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ceiling of the backoff.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Minimum spacing of outgoing messages to one chat (Telegram's guidance: about one per second).</summary>
    public TimeSpan PerChatMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most outgoing messages in any one-second window over all chats (Telegram's guidance: about 30).</summary>
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Outgoing messages that may wait in the queue; further ones are dropped and logged.</summary>
    public int OutboxCapacity { get; set; } = 256;

    /// <summary>How long <c>/kill</c> and <c>/resume</c> wait for their <c>confirm</c>.</summary>
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Commands older than this (by the message date) are ignored: a delayed <c>/kill</c> must not fire late.</summary>
    public TimeSpan MaxCommandAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"Telegram(Enabled={Enabled}, BotToken={(BotToken.Length == 0 ? "<unset>" : "***")}, AllowedChats={AllowedChatIds.Length})";
}
