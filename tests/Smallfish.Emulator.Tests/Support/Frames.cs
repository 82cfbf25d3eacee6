using System.Buffers;
using System.Text;
using System.Text.Json;
using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Runs a frame writer into bytes; reads JSON key paths for field-set comparisons.</summary>
internal static class Frames
{
    public static byte[] Write(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Object(Action<Utf8JsonWriter> write) => Write(b =>
    {
        using var w = new Utf8JsonWriter(b);
        write(w);
    });

    public static string Text(byte[] frame) => Encoding.UTF8.GetString(frame);

    /// <summary>Every key path of a JSON document ("data.b", "o.x"); arrays contribute their first element's paths as "[]".</summary>
    public static SortedSet<string> KeyPaths(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(doc.RootElement, "", paths);
        return paths;
    }

    public static (long[] Prices, long[] Qty) Levels(LevelList list) =>
        (Enumerable.Range(0, list.Count).Select(list.PriceAt).ToArray(), Enumerable.Range(0, list.Count).Select(list.QtyAt).ToArray());

    private static void Walk(JsonElement e, string prefix, SortedSet<string> paths)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    string path = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
                    paths.Add(path);
                    Walk(p.Value, path, paths);
                }
                break;
            case JsonValueKind.Array:
                if (e.GetArrayLength() > 0 && e[0].ValueKind is JsonValueKind.Object or JsonValueKind.Array) Walk(e[0], prefix + "[]", paths);
                break;
        }
    }
}
