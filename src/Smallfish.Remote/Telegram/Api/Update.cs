using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>
/// One incoming update (Bot API <c>Update</c>). Carries at most one payload; Smallfish reads only <see cref="Message"/>
/// and notes the others so they can be skipped (their ids still advance the polling offset).
/// </summary>
public sealed class Update
{
    /// <summary>Increasing identifier; the poller confirms an update by asking for <c>UpdateId + 1</c>.</summary>
    [JsonPropertyName("update_id")]
    public long UpdateId { get; init; }

    /// <summary>A new incoming message.</summary>
    [JsonPropertyName("message")]
    public Message? Message { get; init; }

    /// <summary>An edited message (never treated as a command).</summary>
    [JsonPropertyName("edited_message")]
    public Message? EditedMessage { get; init; }

    /// <summary>A channel post (never treated as a command).</summary>
    [JsonPropertyName("channel_post")]
    public Message? ChannelPost { get; init; }
}
