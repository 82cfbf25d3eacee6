using System.CommandLine;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Runs;

namespace Smallfish.Backtest;

/// <summary>Entry point of smallfish-backtest: builds the command tree and runs it.</summary>
public static class Program
{
    /// <summary>Runs the CLI.</summary>
    public static int Main(string[] args) => BuildRootCommand().Parse(args).Invoke();

    /// <summary>The root command (the backtest run) with every subcommand attached.</summary>
    public static RootCommand BuildRootCommand(BacktestEnvironment? environment = null)
    {
        environment ??= new BacktestEnvironment();
        var root = new RootCommand(
            "smallfish-backtest: replay recorded (or --synthetic) market data through the Smallfish engine under a simulated clock and venue, " +
            "and report what each profile would have done. Example: smallfish-backtest --symbols BTCUSDT ETHUSDT --sweep --data ../shared/data/real --exchange binance");
        RunCommand.Configure(root, environment);
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(SignalsCommand.Create(environment));
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
