using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Risk;

/// <summary>
/// The stop placement rule, precomputed from <see cref="StopPlacementOptions"/>: the stop distance in ticks is the
/// largest of the tick floor, the bps floor and k x short realized volatility over the holding horizon, capped at the
/// bps ceiling (never below the tick floor). Pure and allocation-free.
/// </summary>
public readonly struct StopRule
{
    private readonly double _volFactor; // k x sqrt(horizon seconds)

    /// <summary>Creates the rule from its options.</summary>
    public StopRule(StopPlacementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MinTicks = options.MinTicks;
        MinBps = options.MinBps;
        MaxBps = options.MaxBps;
        _volFactor = options.VolatilityMultiple * Math.Sqrt(options.VolatilityHorizonSeconds);
    }

    /// <summary>Smallest distance, ticks.</summary>
    public long MinTicks { get; }

    /// <summary>Smallest distance, bps of the reference price.</summary>
    public double MinBps { get; }

    /// <summary>Largest distance, bps of the reference price.</summary>
    public double MaxBps { get; }

    /// <summary>The stop distance for the current features of a symbol (mid and short realized volatility).</summary>
    public long DistanceTicks(in MarketFeatures features) => DistanceTicks(features.MidTicks, features.RvShortBps);

    /// <summary>
    /// The stop distance in ticks at reference price <paramref name="priceTicks"/> (ticks) with short realized
    /// volatility <paramref name="rvShortBps"/> (bps per square-root second). Never below <see cref="MinTicks"/>.
    /// </summary>
    public long DistanceTicks(double priceTicks, double rvShortBps)
    {
        if (!(priceTicks > 0)) return Math.Max(1, MinTicks);
        double bps = Math.Max(MinBps, double.IsFinite(rvShortBps) && rvShortBps > 0 ? rvShortBps * _volFactor : 0);
        if (bps > MaxBps) bps = MaxBps;
        double ticks = Math.Ceiling(priceTicks * bps * 1e-4 - 1e-9);
        long distance = ticks >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)ticks;
        return Math.Max(Math.Max(1, MinTicks), distance);
    }
}
