using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Runs;

/// <summary>One finished run of a sweep: which stream, which profile, and what it produced.</summary>
/// <param name="Stream">The symbol's stream.</param>
/// <param name="Profile">The profile name.</param>
/// <param name="Result">The run's result.</param>
public sealed record RunOutcome(PreparedStream Stream, string Profile, BacktestRunResult Result)
{
    /// <summary>What the multigrid did in this run (null when the grid was off).</summary>
    public GridRunSummary? Grid { get; init; }
}
