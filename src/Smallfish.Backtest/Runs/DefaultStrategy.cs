using Smallfish.Core.Engine;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// The strategy a backtest runs by default: the Smallfish trading engine (<see cref="EngineStrategy"/>: EngineBuilder
/// with the run's context) with the 13-signal <see cref="SignalEngine"/> as its evaluator (each symbol's effective
/// options), the same objects the service runs.
/// </summary>
public static class DefaultStrategy
{
    /// <summary>The name shown in output.</summary>
    public const string Name = "Smallfish engine";

    /// <summary>The 13 signals and their fusion for a run's symbols.</summary>
    public static Func<BacktestContext, ISignalEvaluator>? Signals { get; } = static ctx => StandardEngine.CreateSignals(ctx.Options, ctx.Symbols);

    /// <summary>The engine factory, or null when this build cannot compose the whole engine.</summary>
    public static Func<BacktestContext, IBacktestStrategy>? Factory =>
        Signals is { } signals ? ctx => EngineStrategy.Create(ctx, signals(ctx)) : null;

    /// <summary>Why <see cref="Factory"/> is null (null when it is not).</summary>
    public static string? Missing => Signals is null
        ? "this build has the trading engine but not the signal engine (Smallfish.Core.Signals.SignalEngine) to feed it; nothing was run"
        : null;
}
