using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>Extra information on some errors (Bot API <c>ResponseParameters</c>).</summary>
public sealed class ResponseParameters
{
    /// <summary>Flood control: seconds to wait before repeating the request.</summary>
    [JsonPropertyName("retry_after")]
    public int? RetryAfter { get; init; }

    /// <summary>The group became a supergroup with this id.</summary>
    [JsonPropertyName("migrate_to_chat_id")]
    public long? MigrateToChatId { get; init; }
}
