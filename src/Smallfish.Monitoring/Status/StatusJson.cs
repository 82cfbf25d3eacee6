using System.Text.Json;

namespace Smallfish.Monitoring.Status;

/// <summary>Serializes and parses the status documents with <see cref="StatusJsonContext"/>.</summary>
public static class StatusJson
{
    /// <summary>The snapshot as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8(StatusSnapshot snapshot) =>
        JsonSerializer.SerializeToUtf8Bytes(snapshot, StatusJsonContext.Default.StatusSnapshot);

    /// <summary>The snapshot as a compact JSON string.</summary>
    public static string Serialize(StatusSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot, StatusJsonContext.Default.StatusSnapshot);

    /// <summary>Parses a snapshot; throws <see cref="JsonException"/> on malformed input or a null document.</summary>
    public static StatusSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StatusJsonContext.Default.StatusSnapshot) ?? throw new JsonException("the status document is null");

    /// <summary>Parses a snapshot from UTF-8 bytes.</summary>
    public static StatusSnapshot Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, StatusJsonContext.Default.StatusSnapshot) ?? throw new JsonException("the status document is null");

    /// <summary>Parses a snapshot from a stream.</summary>
    public static async Task<StatusSnapshot> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(utf8Json, StatusJsonContext.Default.StatusSnapshot, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("the status document is null");
}
