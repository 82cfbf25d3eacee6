using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Telegram</c>: remote control from the owner's chat (<c>--telegram</c> turns it on). The bot
/// token is a secret and lives in <see cref="SecretsOptions.TelegramBotToken"/>.
/// </summary>
public sealed class TelegramOptions
{
    /// <summary>Whether the bot polls for commands and sends notifications.</summary>
    public bool Enabled { get; set; }

    /// <summary>Chat ids whose commands are obeyed (from TELEGRAM_CHAT_ID, comma separated); all others are ignored.</summary>
    public List<long> AllowedChatIds { get; set; } = [];

    /// <summary>Long-poll timeout of getUpdates, in seconds.</summary>
    [Range(0, 600)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Bot API base URL (overridable for a loopback fake in tests).</summary>
    [Url("http", "https")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
}
