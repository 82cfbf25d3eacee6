using System.Text.Json.Serialization;

namespace Smallfish.Remote.Telegram.Api;

/// <summary>The envelope of every Bot API response.</summary>
/// <typeparam name="T">Type of <see cref="Result"/>.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>True on success.</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    /// <summary>The result when <see cref="Ok"/> is true.</summary>
    [JsonPropertyName("result")]
    public T? Result { get; init; }

    /// <summary>Human-readable error text (may change; never parse it for control flow).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Error code when <see cref="Ok"/> is false; in practice the HTTP status.</summary>
    [JsonPropertyName("error_code")]
    public int? ErrorCode { get; init; }

    /// <summary>Extra error information (flood control, chat migration).</summary>
    [JsonPropertyName("parameters")]
    public ResponseParameters? Parameters { get; init; }
}
