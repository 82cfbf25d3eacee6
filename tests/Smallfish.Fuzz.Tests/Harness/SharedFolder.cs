using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>
/// The read-only shared folder (protocol fixtures, real recorded data), found by walking up from the test assembly
/// directory. Nothing from it is ever copied into the repository; mutated copies live in temp folders only.
/// </summary>
internal static class SharedFolder
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Fixture(string relative) => System.IO.Path.Combine(Path, "protocols", "fixtures", relative);

    public static string Data(string relative) => System.IO.Path.Combine(Path, "data", "real", relative);

    /// <summary>The <c>message</c> member of a protocol fixture, as raw JSON.</summary>
    public static byte[] Message(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Fixture(relative)));
        return Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("message").GetRawText());
    }

    /// <summary>Every fixture message of <paramref name="venue"/> whose file name starts with <paramref name="prefix"/>.</summary>
    public static List<byte[]> Messages(string venue, string prefix) =>
        Directory.GetFiles(Fixture(venue), prefix + "*.json").Order(StringComparer.Ordinal)
            .Select(f => Message(venue + "/" + System.IO.Path.GetFileName(f))).ToList();

    /// <summary>The first <paramref name="max"/> lines of a real (gzip) data file.</summary>
    public static List<string> Lines(string relative, int max)
    {
        using var stream = new GZipStream(File.OpenRead(Data(relative)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (lines.Count < max && reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data", "real"))) return candidate;
        }
        throw new DirectoryNotFoundException("no shared/data/real above " + AppContext.BaseDirectory);
    }
}
