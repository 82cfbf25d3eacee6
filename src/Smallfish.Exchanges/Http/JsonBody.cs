using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Smallfish.Exchanges.Http;

/// <summary>Serializes a compact JSON object once, in the order written, so the signed bytes are the sent bytes.</summary>
internal static class JsonBody
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
