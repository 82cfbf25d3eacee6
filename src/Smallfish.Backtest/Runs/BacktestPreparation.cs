using System.Globalization;
using Smallfish.Backtest.Commands;
using Smallfish.Backtest.Data;
using Smallfish.Core.Configuration;
using Smallfish.Simulation.Backtesting.Runner;
using Spectre.Console;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// What the <c>run</c> and <c>signals</c> commands do before any run: load every requested profile through the
/// service's configuration path, then prepare each symbol's stream (with download progress on a terminal), and print
/// the notes (data source, cache outcome, warnings) and the run's assumptions.
/// </summary>
public static class BacktestPreparation
{
    /// <summary>Loads the profiles and prepares the streams of <paramref name="settings"/>, printing notes to <paramref name="console"/>.</summary>
    public static async Task<(IReadOnlyList<(TradingMode Mode, SmallfishOptions Options)> Profiles, IReadOnlyList<PreparedStream> Streams)> PrepareAsync(
        RunSettings settings, BacktestEnvironment environment, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(console);
        var profiles = settings.Modes.Select(m => (m, ProfileLoader.Load(environment, settings, m))).ToList();
        var notes = new List<string>();
        var streams = await SpectreDownloadProgress.RunAsync(console, downloads =>
            StreamPreparation.PrepareAsync(settings, environment, profiles[0].Item2, downloads, line => { lock (notes) notes.Add(line); }, cancellationToken)).ConfigureAwait(false);
        var first = profiles[0].Item2;
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"strategy: {environment.StrategyName}; venue: {settings.Exchange.ToString().ToLowerInvariant()}, latency feed {VenueDefaults.FeedLatencyNs / 1_000_000} ms / order {VenueDefaults.EntryLatencyNs / 1_000_000} ms / report {VenueDefaults.ResponseLatencyNs / 1_000_000} ms, equity {settings.Equity ?? SweepRunner.DefaultEquity} USDT, leverage {first.Risk.Leverage}"));
        foreach (string line in notes) Note(console, line);
        return (profiles, streams);
    }

    /// <summary>Prints a grey note line.</summary>
    public static void Note(IAnsiConsole console, string line)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
    }
}
