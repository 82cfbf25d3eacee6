using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>One backtest run: a symbol set under one profile, replayed from one time-ordered stream.</summary>
public sealed record BacktestRunRequest
{
    /// <summary>The profile name shown in reports (e.g. "aggressive").</summary>
    public required string Profile { get; init; }

    /// <summary>The profile's validated options.</summary>
    public required SmallfishOptions Options { get; init; }

    /// <summary>Instrument grids in symbol-id order (the stream's events carry these ids).</summary>
    public required IReadOnlyList<InstrumentSpec> Instruments { get; init; }

    /// <summary>Opens the stream; called once per run, so parallel runs each read their own.</summary>
    public required Func<IOrderedEventSource> OpenStream { get; init; }

    /// <summary>Builds the object under test.</summary>
    public required Func<BacktestContext, IBacktestStrategy> Strategy { get; init; }

    /// <summary>Starting equity, quote currency.</summary>
    public required decimal StartingEquity { get; init; }

    /// <summary>The exchange simulated.</summary>
    public ExchangeName Exchange { get; init; } = ExchangeName.Bybit;

    /// <summary>The venue's models (book rules, fees, latency, funding); see <see cref="VenueDefaults"/>. Its balance is set to <see cref="StartingEquity"/>.</summary>
    public required SimulatedVenueOptions Venue { get; init; }

    /// <summary>How the stream sequences book messages (the strategy builds its synchronizers from it).</summary>
    public BookSyncMode BookSync { get; init; } = BookSyncMode.Bybit;

    /// <summary>True when the stream is generated: every report says so.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Equity is sampled on this grid (and at every closed trade), ns. Default 1 s; see <see cref="EquityIntervalFor"/>.</summary>
    public long EquityIntervalNs { get; init; } = 1_000_000_000L;

    /// <summary>The equity grid for a stream spanning <paramref name="spanNs"/>: 1 s up to an hour, 10 s up to three days, else 1 min.</summary>
    public static long EquityIntervalFor(long spanNs) =>
        spanNs <= 3_600_000_000_000L ? 1_000_000_000L : spanNs <= 259_200_000_000_000L ? 10_000_000_000L : 60_000_000_000L;

    /// <summary>The strategy's timer period, ns. Default 100 ms.</summary>
    public long TimerIntervalNs { get; init; } = 100_000_000L;

    /// <summary>
    /// A pause in the data longer than this ends a session: the next event starts a new one, flat, with a fresh engine
    /// and venue (see <see cref="BacktestRunner"/>). Default 1 hour.
    /// </summary>
    public long SessionGapNs { get; init; } = 3_600_000_000_000L;

    /// <summary>How long the simulation runs past the last event so commands and reports in flight land, ns. Default 10 s.</summary>
    public long FinishHorizonNs { get; init; } = 10_000_000_000L;

    /// <summary>
    /// When set, the strategy's signals are studied: on the strategy's timer grid, each symbol's latest fusion
    /// (<see cref="IBacktestStrategy.LastFusion"/>) and the venue book's mid go into a <see cref="Research.SignalResearch"/>
    /// with these options (the result is in <see cref="BacktestRunResult.Signals"/>). Null: no study.
    /// </summary>
    public Research.SignalResearchOptions? SignalStudy { get; init; }

    /// <summary>Called about every 65,536 events with the events so far and the current exchange time.</summary>
    public Action<long, long>? Progress { get; init; }
}
