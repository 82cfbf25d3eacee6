namespace Smallfish.Core.Tests.TestSupport;

/// <summary>Locates the repository root and the shared folder beside it (CI clones the repo with shared/ next to it).</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor of the test directory holding Smallfish.sln.</summary>
    public static string RepoRoot => FindUp(TestContext.CurrentContext.TestDirectory, d => File.Exists(Path.Combine(d, "Smallfish.sln")))
        ?? throw new DirectoryNotFoundException("Smallfish.sln not found above " + TestContext.CurrentContext.TestDirectory);

    /// <summary>The shared folder (../shared from the repository root): the nearest ancestor with shared/data/real.</summary>
    public static string Shared
    {
        get
        {
            var dir = FindUp(TestContext.CurrentContext.TestDirectory, d => Directory.Exists(Path.Combine(d, "shared", "data", "real")))
                ?? throw new DirectoryNotFoundException("shared/data/real not found above " + TestContext.CurrentContext.TestDirectory);
            return Path.Combine(dir, "shared");
        }
    }

    /// <summary>shared/data/real.</summary>
    public static string RealData => Path.Combine(Shared, "data", "real");

    /// <summary>shared/protocols.</summary>
    public static string Protocols => Path.Combine(Shared, "protocols");

    private static string? FindUp(string start, Func<string, bool> match)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (match(d.FullName)) return d.FullName;
        }
        return null;
    }
}
