using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// The strategy a backtest runs by default: the Smallfish trading engine (EngineBuilder + SignalEngine), the same
/// objects the service runs. Bound here once the engine is part of the build; until then <see cref="Factory"/> is null
/// and a run says so instead of pretending.
/// </summary>
public static class DefaultStrategy
{
    /// <summary>The engine factory, or null when this build has no engine.</summary>
    public static Func<BacktestContext, IBacktestStrategy>? Factory => null;

    /// <summary>The name shown in output.</summary>
    public const string Name = "Smallfish engine";
}
