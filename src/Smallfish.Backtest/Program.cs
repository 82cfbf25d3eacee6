using System.CommandLine;
using Smallfish.Backtest.Commands;

namespace Smallfish.Backtest;

/// <summary>Entry point of smallfish-backtest: builds the command tree and runs it.</summary>
public static class Program
{
    /// <summary>Runs the CLI.</summary>
    public static int Main(string[] args) => BuildRootCommand().Parse(args).Invoke();

    /// <summary>The root command with every subcommand attached.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("smallfish-backtest: replay recorded market data through the Smallfish engine");
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
