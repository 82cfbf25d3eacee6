using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// ABSORB, absorption (microstructure group, default weight 0.06): heavy aggression into a side whose best price does
/// not give way (a defended level; <c>Microstructure:AbsorptionWindowMs</c>, <c>AbsorptionBreakGraceMs</c>). The per-side
/// absorption scores are absorbed volume over (itself + the volume that usually trades in the same time): 0.5 = as much
/// as usually trades in total. Bids absorbing sells give a buy score.
/// </summary>
public sealed class AbsorbSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.06) and activation threshold.</summary>
    public AbsorbSignalOptions()
    {
        Weight = 0.06;
        ActivationThreshold = 0.55;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Absorb;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Per-side absorption score in [0, 1) up to which absorption counts as ordinary trading at the touch.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double BaselineScore { get; set; } = 0.3;

    /// <summary>Per-side absorption score in (0, 1] at which the signal is full; above <see cref="BaselineScore"/>.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullScore { get; set; } = 0.75;
}
