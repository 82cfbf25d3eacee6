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

    /// <summary>shared/data/real beside the repository.</summary>
    public static string SharedData => Path.Combine(Path.GetDirectoryName(SharedProtocols)!, "data", "real");

    /// <summary>shared/protocols beside the repository (CI clones the repository with shared/ next to it).</summary>
    public static string SharedProtocols
    {
        get
        {
            for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "protocols");
                if (Directory.Exists(Path.Combine(d.FullName, "shared", "data", "real")) && Directory.Exists(candidate)) return candidate;
            }

            throw new DirectoryNotFoundException("shared/protocols not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>
    /// The service's main assembly in the service project's own output (run with <c>dotnet smallfish.dll</c>), with
    /// the same configuration and framework as the tests: tests/X/bin/Release/net10.0 -> src/Smallfish.Service/bin/Release/net10.0.
    /// Not the copy beside the tests: the test project's framework references resolve some assemblies differently.
    /// </summary>
    public static string ServiceDll
    {
        get
        {
            var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            string dll = Path.Combine(RepoRoot, "src", "Smallfish.Service", "bin", testDirectory.Parent!.Name, testDirectory.Name, "smallfish.dll");
            Assert.That(dll, Does.Exist, "build the solution first: the test project references Smallfish.Service so it is built with it");
            return dll;
        }
    }

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
