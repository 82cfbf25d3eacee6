using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// The ground truth for one labeled stretch of a synthetic stream: what was injected, when, and which way a trader
/// should lean. Labels are planned from the seed when the generator is built, so they are known before the stream runs;
/// <see cref="AnchorPriceTicks"/> is the one field filled in when the episode starts.
/// </summary>
/// <param name="Id">Index of the label in <see cref="SyntheticMarketGenerator.Labels"/> (time order).</param>
/// <param name="Kind">What the stretch contains.</param>
/// <param name="Direction">+1 buy, -1 sell, 0 none: the side a trader reading the episode correctly would take.</param>
/// <param name="StartNs">Exchange time the episode starts, ns since the Unix epoch (inclusive).</param>
/// <param name="EndNs">Exchange time the episode ends, ns since the Unix epoch (exclusive).</param>
/// <param name="ActiveSide">
/// The book side the episode works on: spoof = side where the fake size rests; iceberg and absorption = the defended
/// (passive) side; sweep, whale, momentum = the aggressor; VWAP stretch = the side of the push; imbalance = the heavy
/// side; thinning = the thin side. Null for noise and regime shifts.
/// </param>
/// <param name="Intensity">The intensity multiplier the episode was built with (1 = default strength).</param>
/// <param name="Regime">For <see cref="EpisodeKind.VolatilityRegimeShift"/>: "HighVolatility" or "LowVolatility"; else null.</param>
/// <param name="Parameters">The episode's drawn parameters (sizes in base quantity, distances in ticks, times in ms).</param>
public sealed record EpisodeLabel(
    int Id,
    EpisodeKind Kind,
    int Direction,
    long StartNs,
    long EndNs,
    Side? ActiveSide,
    double Intensity,
    string? Regime,
    IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>
    /// The price the episode is anchored to, in ticks, once it has started (0 before, and for kinds without one):
    /// the iceberg's or absorption's defended price, the first spoof price, the sweep's first swept price, the first
    /// whale print, the start mid (bid) for moves and stretches.
    /// </summary>
    public long AnchorPriceTicks { get; init; }

    /// <summary>Length of the stretch in ns.</summary>
    public long DurationNs => EndNs - StartNs;

    /// <summary>True when <paramref name="ns"/> lies in [StartNs, EndNs).</summary>
    public bool Contains(long ns) => ns >= StartNs && ns < EndNs;

    /// <summary>A parameter by name, or <paramref name="fallback"/> when the episode has none by that name.</summary>
    public double Parameter(string name, double fallback = double.NaN) =>
        Parameters.TryGetValue(name, out var v) ? v : fallback;
}
