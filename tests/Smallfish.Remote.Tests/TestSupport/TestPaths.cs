using System.Text.Json.Nodes;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>Finds the shared folder (beside the repository) and loads protocol fixtures from it.</summary>
internal static class TestPaths
{
    public static string Shared
    {
        get
        {
            for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            {
                if (Directory.Exists(Path.Combine(d.FullName, "shared", "data", "real"))) return Path.Combine(d.FullName, "shared");
            }
            throw new DirectoryNotFoundException("shared/data/real not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>The <c>message</c> payload of a Telegram fixture file.</summary>
    public static JsonNode TelegramFixture(string file)
    {
        var path = Path.Combine(Shared, "protocols", "fixtures", "telegram", file);
        return JsonNode.Parse(File.ReadAllText(path))!["message"]!;
    }
}
