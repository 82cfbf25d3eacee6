using System.CommandLine;

namespace Smallfish.Service;

/// <summary>Entry point of the smallfish service.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command; returns its exit code (2 = configuration errors).</summary>
    public static Task<int> Main(string[] args) =>
        ServiceCommandLine.Create(Console.Out, Console.Error).Parse(args)
            .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
