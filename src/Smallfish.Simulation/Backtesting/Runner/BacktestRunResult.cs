using Smallfish.Simulation.Backtesting.Reports;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>What one run produced.</summary>
/// <param name="Reports">One report per symbol of the run, in symbol-id order.</param>
/// <param name="Commands">Every command the strategy sent, with its decision time (the parity record).</param>
/// <param name="Decisions">Entry decisions the strategy journaled.</param>
/// <param name="Events">Market events replayed.</param>
/// <param name="OutOfOrderEvents">Events replayed with an earlier exchange time than the event before them.</param>
/// <param name="OpenPositions">Symbols still holding a position when the data ended.</param>
/// <param name="Seconds">Wall time of the replay.</param>
/// <param name="Signals">Per symbol (symbol-id order), the signal study when one was asked for; else empty.</param>
/// <param name="Sessions">Continuous stretches of data the run was split into (see <see cref="BacktestRunRequest.SessionGapNs"/>).</param>
public sealed record BacktestRunResult(
    IReadOnlyList<SymbolProfileReport> Reports,
    IReadOnlyList<CommandRecord> Commands,
    long Decisions,
    long Events,
    long OutOfOrderEvents,
    int OpenPositions,
    double Seconds,
    IReadOnlyList<Research.SignalResearchResult> Signals,
    int Sessions);
