namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>Locates the shared folder beside the repository (CI clones the repo with shared/ next to it).</summary>
internal static class RepoPaths
{
    /// <summary>shared/data/real: the nearest ancestor of the test directory that holds shared/data/real.</summary>
    public static string RealData
    {
        get
        {
            for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "shared", "data", "real");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("shared/data/real not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
