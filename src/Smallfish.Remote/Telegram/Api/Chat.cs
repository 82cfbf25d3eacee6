using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>A Telegram chat (Bot API <c>Chat</c>; only the fields Smallfish reads).</summary>
public sealed class Chat
{
    /// <summary>Unique identifier; 64-bit, negative for groups, supergroups (<c>-100...</c>) and channels.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary><c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>Title of groups and channels.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Username, when the chat has one.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>First name of the other party in a private chat.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }
}
