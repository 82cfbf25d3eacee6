using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Simulation.Backtesting.Statistics;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>Everything the reports show about one symbol replayed under one profile.</summary>
public sealed record SymbolProfileReport
{
    /// <summary>Exchange symbol, e.g. BTCUSDT.</summary>
    public required string Symbol { get; init; }

    /// <summary>Profile (mode) name, e.g. "balanced".</summary>
    public required string Profile { get; init; }

    /// <summary>The run's figures (<see cref="BacktestStatistics.Compute"/>).</summary>
    public required BacktestStatistics Statistics { get; init; }

    /// <summary>Completed round trips, in close order.</summary>
    public IReadOnlyList<TradeResult> Trades { get; init; } = [];

    /// <summary>Equity curve, in time order.</summary>
    public IReadOnlyList<EquityPoint> Equity { get; init; } = [];

    /// <summary>Entries the gates blocked, with their hypothetical outcome.</summary>
    public IReadOnlyList<ShadowTrade> ShadowTrades { get; init; } = [];

    /// <summary>Signal weights at the end of the run, indexed by SignalId (empty when unknown); drawn by --chart.</summary>
    public IReadOnlyList<double> SignalWeights { get; init; } = [];

    /// <summary>True when the market data was generated, not recorded: every report says so loudly.</summary>
    public bool Synthetic { get; init; }
}
