using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>What one symbol x profile run produced, as <see cref="BacktestStatistics.Compute"/> needs it.</summary>
public sealed record BacktestStatisticsInput
{
    /// <summary>Completed round trips, in close order.</summary>
    public IReadOnlyList<TradeResult> Trades { get; init; } = [];

    /// <summary>
    /// The equity curve, in time order. When empty, one is built from <see cref="InitialEquity"/> and the trades'
    /// net P&amp;L at their close times.
    /// </summary>
    public IReadOnlyList<EquityPoint> Equity { get; init; } = [];

    /// <summary>Equity at the start of the session (used when <see cref="Equity"/> is empty).</summary>
    public decimal InitialEquity { get; init; }

    /// <summary>Maker/taker fill counts and slippage. When null, slippage is taken from the trades and fill counts are unknown.</summary>
    public FillStatistics? Fills { get; init; }

    /// <summary>Spans with an open position (may overlap; they are merged).</summary>
    public IReadOnlyList<ExposureInterval> Exposure { get; init; } = [];

    /// <summary>Total fees paid (quote currency); null means the sum over <see cref="Trades"/>.</summary>
    public decimal? Fees { get; init; }

    /// <summary>Total funding paid (positive) or received (negative); null means the sum over <see cref="Trades"/>.</summary>
    public decimal? Funding { get; init; }

    /// <summary>Market events replayed.</summary>
    public long Events { get; init; }

    /// <summary>Exchange time of the first event, ns (0 when there was none).</summary>
    public long FirstTsNs { get; init; }

    /// <summary>Exchange time of the last event, ns (0 when there was none).</summary>
    public long LastTsNs { get; init; }

    /// <summary>Frequency for Sharpe and Sortino; null picks one from the session length (<see cref="StatsFrequency.ForSession"/>).</summary>
    public StatsFrequency? Frequency { get; init; }
}
