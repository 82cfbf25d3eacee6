namespace Smallfish.Core.Tests.TestSupport;

/// <summary>Finds the shared reference folder by walking up from the test assembly's directory.</summary>
internal static class SharedData
{
    /// <summary>The <c>shared/data/real</c> directory; throws when it cannot be found (CI clones shared/ beside the repository).</summary>
    public static string RealDataDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "real");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/data/real not found above " + TestContext.CurrentContext.TestDirectory);
    }

    /// <summary>Full path of a file under <c>shared/data/real</c>.</summary>
    public static string RealFile(string relativePath) => Path.Combine(RealDataDirectory(), relativePath);
}
