using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Smallfish.Emulator.Hosting;

/// <summary>An answer to write: status, JSON body bytes and extra headers.</summary>
internal sealed class RestReply
{
    public RestReply(int status, byte[] body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>Set by handlers: the request was a create that the venue executed (for the statistics).</summary>
    public bool Executed { get; init; }

    public RestReply With(string header, string value)
    {
        Headers.Add(new(header, value));
        return this;
    }

    public static RestReply Json(int status, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return new RestReply(status, buffer.WrittenSpan.ToArray());
    }

    public static RestReply Text(int status, string text) => new(status, Encoding.UTF8.GetBytes(text));

    public override string ToString() => Status + " " + Encoding.UTF8.GetString(Body);
}
