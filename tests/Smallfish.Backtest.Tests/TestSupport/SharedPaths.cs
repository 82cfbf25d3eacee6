namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>Finds shared/data/real by walking up from the test assembly (CI clones the repository with shared/ beside it).</summary>
internal static class SharedPaths
{
    public static string RealData
    {
        get
        {
            for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "data", "real");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("shared/data/real not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }
}
