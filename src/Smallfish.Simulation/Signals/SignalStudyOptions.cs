using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Simulation.Signals;

/// <summary>Settings of <see cref="SignalStudy"/>.</summary>
public sealed record SignalStudyOptions
{
    /// <summary>Interval of the time grid on which the signals' state is sampled, ns (default 100 ms).</summary>
    public long SampleIntervalNs { get; init; } = 100_000_000;

    /// <summary>Horizons, signal names and capacities of the per-symbol <see cref="SignalResearch"/>.</summary>
    public SignalResearchOptions Research { get; init; } = new();
}
