using System.CommandLine;

namespace Smallfish.Venue;

/// <summary>Entry point of smallfish-venue.</summary>
public static class Program
{
    /// <summary>Runs the CLI until Ctrl+C (or the end of a finite run).</summary>
    public static Task<int> Main(string[] args) => VenueCommand.Create().Parse(args).InvokeAsync();
}
