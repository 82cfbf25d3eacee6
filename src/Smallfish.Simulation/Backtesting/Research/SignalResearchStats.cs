namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>One signal's research figures.</summary>
/// <param name="Name">Signal name, e.g. "OBI".</param>
/// <param name="ActiveRate">Fraction of samples in which the signal was active.</param>
/// <param name="Horizons">Per horizon, in the options' order.</param>
public sealed record SignalResearchStats(string Name, double ActiveRate, IReadOnlyList<HorizonResult> Horizons);
