using System.Text.Json;
using System.Text.Json.Serialization;
using Smallfish.Core.Signals;

namespace Smallfish.Monitoring.Status;

/// <summary>Writes a <see cref="SignalId"/> as its short name (<c>"OBI"</c>, as in configuration and the journal) and reads it back.</summary>
public sealed class SignalIdJsonConverter : JsonConverter<SignalId>
{
    /// <inheritdoc />
    public override SignalId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("a signal name must be a string");
        string name = reader.GetString() ?? "";
        return SignalIds.TryParse(name, out SignalId id) ? id : throw new JsonException("unknown signal name");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SignalId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name());
    }
}
