using System.CommandLine;
using Smallfish.Backtest.Reports;
using Smallfish.Backtest.Runs;
using Spectre.Console;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// The backtest itself (the root command, also <c>run</c>): prepares each symbol's stream (synthetic, local files or
/// downloads, through the event cache), loads every requested profile through the service's configuration path, runs
/// symbol x profile in parallel, then prints the terminal report and writes summary.json, trades.csv and equity.csv
/// with <c>--out DIR</c>.
/// </summary>
public static class RunCommand
{
    /// <summary>Adds the run options and action to <paramref name="command"/>.</summary>
    public static void Configure(Command command, BacktestEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new RunOptions();
        options.AddTo(command);
        command.SetAction((parse, ct) => ExecuteAsync(options.Bind(parse), environment, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
    }

    /// <summary>The <c>run</c> subcommand (the same as the root command).</summary>
    public static Command Create(BacktestEnvironment environment)
    {
        var run = new Command("run", "Run the backtest (the same as giving the options to smallfish-backtest itself)");
        Configure(run, environment);
        return run;
    }

    /// <summary>Runs the backtest described by <paramref name="settings"/>; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(RunSettings settings, BacktestEnvironment environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var console = Consoles.Create(output, environment.Interactive);
        try
        {
            var strategy = environment.Strategy;
            if (strategy is null)
            {
                error.WriteLine("error: " + (DefaultStrategy.Missing ?? "no strategy to backtest; nothing was run"));
                return CliErrors.UsageError;
            }
            var (profiles, streams) = await BacktestPreparation.PrepareAsync(settings, environment, console, cancellationToken).ConfigureAwait(false);
            void Note(string line) => BacktestPreparation.Note(console, line);

            IRunProgress progress = environment.Interactive ? new SpectreRunProgress(console) : new PlainRunProgress(error);
            var outcomes = SweepRunner.Run(streams, profiles, settings, strategy, progress, cancellationToken: cancellationToken);
            foreach (var o in outcomes.Where(o => o.Result.Sessions > 1).DistinctBy(o => o.Stream.Symbol))
                Note($"{o.Stream.Symbol}: the data has {o.Result.Sessions} separate windows (pauses over an hour); each starts flat with a fresh engine and venue, the equity curve chains them");
            foreach (var o in outcomes)
            {
                if (o.Result.OpenPositions > 0) Note($"{o.Stream.Symbol} {o.Profile}: a position was still open when the data ended (marked to market in the equity curve, not in the trades)");
                if (o.Grid is { } grid)
                {
                    var options = profiles.First(p => ProfileLoader.Name(p.Mode) == o.Profile).Options.Multigrid;
                    Note($"{o.Stream.Symbol} {o.Profile} {grid.Describe(settings.Equity ?? SweepRunner.DefaultEquity, options.SizePerLevelPct)}");
                }
                if (o.Result.OutOfOrderEvents > 0) Note($"{o.Stream.Symbol} {o.Profile}: {o.Result.OutOfOrderEvents} events out of exchange-time order");
            }
            var reports = outcomes.SelectMany(o => o.Result.Reports).ToList();
            BacktestReportPublisher.Publish(console, reports, new ReportOutputOptions { OutDirectory = settings.OutDirectory, Charts = settings.Chart });
            return 0;
        }
        catch (Exception e) when (CliErrors.TryReport(e, error) is { } code)
        {
            return code;
        }
    }
}
