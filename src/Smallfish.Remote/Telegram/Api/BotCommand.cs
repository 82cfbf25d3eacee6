using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>A command shown in the client's menu (Bot API <c>BotCommand</c>).</summary>
/// <param name="Command">1-32 characters: lowercase English letters, digits and underscores, without the leading slash.</param>
/// <param name="Description">1-256 characters.</param>
public sealed record BotCommand(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("description")] string Description);
