using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// PRT, pull-and-replace trap (core group, default weight 0.10): large size placed near the touch and pulled before it
/// trades (spoofing, detected by the features: <c>Microstructure:Spoof*</c>), faded. Fake bids give a sell score, fake
/// asks a buy score. The per-side spoof scores are 0.5 when a side pulls as much as usual.
/// </summary>
public sealed class PrtSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.10) and activation threshold.</summary>
    public PrtSignalOptions()
    {
        Weight = 0.10;
        ActivationThreshold = 0.4;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Prt;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>Per-side spoof score in [0, 1) up to which pulling counts as the usual background (0.5 = the usual amount).</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double UsualScore { get; set; } = 0.5;

    /// <summary>Per-side spoof score in (0, 1] at which the signal reaches full strength; above <see cref="UsualScore"/>.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullScore { get; set; } = 0.9;
}
