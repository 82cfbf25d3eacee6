using System.CommandLine;
using System.Globalization;
using Smallfish.Backtest.Reports;
using Smallfish.Backtest.Runs;
using Smallfish.Simulation.Backtesting.Research;
using Spectre.Console;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// <c>signals</c>: a signal study. The engine runs over each symbol's stream as in a backtest (one profile), and on its
/// 100 ms timer grid each symbol's latest fusion and the venue book's mid are sampled into a <see cref="SignalResearch"/>:
/// per signal, the active rate, and per horizon (1 s, 5 s, 30 s) the information coefficient and the hit rate. The
/// table goes to the terminal; <c>--out DIR</c> writes signals.json (one symbol) or DIR/{SYMBOL}/signals.json.
/// </summary>
public static class SignalsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(BacktestEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var command = new Command("signals", "Study how well each of the 13 signals predicts the mid price (IC and hit rate at 1 s, 5 s, 30 s) over the same data options as a run");
        var options = new RunOptions();
        options.AddTo(command);
        command.SetAction((parse, ct) => ExecuteAsync(options.Bind(parse), environment, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    /// <summary>Runs the study; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(RunSettings settings, BacktestEnvironment environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (settings.Modes.Count > 1)
        {
            error.WriteLine("error: a signal study runs one profile: drop --sweep (pick one with --mode)");
            return CliErrors.UsageError;
        }
        var console = Consoles.Create(output, environment.Interactive);
        try
        {
            var strategy = environment.Strategy;
            if (strategy is null)
            {
                error.WriteLine("error: " + (DefaultStrategy.Missing ?? "no strategy to study; nothing was run"));
                return CliErrors.UsageError;
            }
            var (profiles, streams) = await BacktestPreparation.PrepareAsync(settings, environment, console, cancellationToken).ConfigureAwait(false);
            IRunProgress progress = environment.Interactive ? new SpectreRunProgress(console) : new PlainRunProgress(error);
            var outcomes = SweepRunner.Run(streams, profiles, settings, strategy, progress, cancellationToken: cancellationToken, signalStudy: new SignalResearchOptions());
            foreach (var o in outcomes)
            {
                console.Write(new Rule($"[bold]{Markup.Escape(o.Stream.Symbol)} {Markup.Escape(o.Profile)}[/]").LeftJustified());
                string? dir = settings.OutDirectory is null ? null
                    : outcomes.Count == 1 ? settings.OutDirectory : Path.Combine(settings.OutDirectory, o.Stream.Symbol);
                BacktestReportPublisher.PublishSignals(console, o.Result.Signals[0], dir, o.Stream.Synthetic);
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{o.Result.Events} events, {o.Result.Decisions} entry decisions")));
            }
            return 0;
        }
        catch (Exception e) when (CliErrors.TryReport(e, error) is { } code)
        {
            return code;
        }
    }
}
