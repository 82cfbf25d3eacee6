using System.Text.Json;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Finds ../shared by walking up from the test assembly until a directory holding shared/data/real appears.</summary>
internal static class SharedFolder
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Fixture(string relative) => System.IO.Path.Combine(Path, "protocols", "fixtures", relative);

    public static string Data(string relative) => System.IO.Path.Combine(Path, "data", "real", relative);

    /// <summary>The raw JSON text of a fixture's <c>message</c>.</summary>
    public static string Message(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture(relative)));
        return doc.RootElement.GetProperty("message").GetRawText();
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data", "real"))) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("no shared/data/real above " + AppContext.BaseDirectory);
    }
}
