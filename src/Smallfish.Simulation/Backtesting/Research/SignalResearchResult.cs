namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>What <see cref="SignalResearch.Complete"/> found.</summary>
/// <param name="Signals">Per signal, in column order.</param>
/// <param name="Samples">Valid samples added (finite, positive mid).</param>
/// <param name="InvalidSamples">Samples ignored because the mid was not a finite positive number.</param>
/// <param name="ExcludedAtEnd">Per horizon: samples whose horizon ran past the last sample, so they have no forward return.</param>
/// <param name="Dropped">Per horizon: samples pushed out of a full window before their horizon elapsed.</param>
/// <param name="Sampled">True when some horizon had more samples than the reservoir holds, so its IC is estimated from a uniform sample.</param>
public sealed record SignalResearchResult(
    IReadOnlyList<SignalResearchStats> Signals,
    long Samples,
    long InvalidSamples,
    IReadOnlyList<long> ExcludedAtEnd,
    IReadOnlyList<long> Dropped,
    bool Sampled);
