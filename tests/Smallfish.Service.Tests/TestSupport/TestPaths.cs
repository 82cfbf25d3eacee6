namespace Smallfish.Service.Tests.TestSupport;

/// <summary>Locations above the test assembly: the repository and the service build beside it.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the first directory above the test assembly holding Smallfish.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Smallfish.sln"))) return d.FullName;
            }

            throw new DirectoryNotFoundException("Smallfish.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>The service's main assembly as the test project's build copied it (run with <c>dotnet smallfish.dll</c>).</summary>
    public static string ServiceDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "smallfish.dll");

    /// <summary>The dotnet host running the tests.</summary>
    public static string DotnetHost
    {
        get
        {
            string? host = Environment.ProcessPath;
            return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        }
    }
}
