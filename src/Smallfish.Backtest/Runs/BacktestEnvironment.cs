using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// What a backtest command takes from its surroundings, so tests can run the real command in-process: the strategy
/// factory (the trading engine by default), where the appsettings files are, the environment variables, the clock that
/// resolves <c>--days</c>, where the real data may be found, and whether the console is a terminal (progress bars).
/// </summary>
public sealed record BacktestEnvironment
{
    /// <summary>Builds the object under test for each run; null when this build has no trading engine to bind.</summary>
    public Func<BacktestContext, IBacktestStrategy>? Strategy { get; init; } = DefaultStrategy.Factory;

    /// <summary>What the strategy is called in output (e.g. "Smallfish engine").</summary>
    public string StrategyName { get; init; } = DefaultStrategy.Name;

    /// <summary>Folder holding appsettings.json and the profile layers (default: beside the executable).</summary>
    public string ConfigDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Environment variables for configuration (default: the process environment).</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Resolves --days (default: the system clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Directories walked up to find shared/data/real when neither --data nor days are given.</summary>
    public IReadOnlyList<string> DataSearchStarts { get; init; } = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];

    /// <summary>True to draw Spectre progress bars (a terminal); false prints plain progress lines.</summary>
    public bool Interactive { get; init; } = !Console.IsOutputRedirected;

    /// <summary>Creates the HTTP client for archive downloads.</summary>
    public Func<HttpClient> Http { get; init; } = static () => new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
}
