using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>A Telegram user or bot (Bot API <c>User</c>; only the fields Smallfish reads).</summary>
public sealed class User
{
    /// <summary>Unique identifier; may exceed 32 bits.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>True for bots.</summary>
    [JsonPropertyName("is_bot")]
    public bool IsBot { get; init; }

    /// <summary>First name.</summary>
    [JsonPropertyName("first_name")]
    public string FirstName { get; init; } = "";

    /// <summary>Last name, when set.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    /// <summary>Username without the leading @, when set.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>IETF language tag of the user's client, when known.</summary>
    [JsonPropertyName("language_code")]
    public string? LanguageCode { get; init; }
}
