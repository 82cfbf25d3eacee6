using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// What every one of the 13 signals has: its fusion weight, an on/off switch and the absolute score from which it
/// counts as active (towards <see cref="FusionOptions.MinSignals"/>). Each signal's own parameters live on its
/// derived type.
/// </summary>
public abstract class SignalOptions
{
    /// <summary>Which signal these options configure.</summary>
    public abstract SignalId Id { get; }

    /// <summary>The signal's short code as the engineering notes write it (OBI, PRT, ...).</summary>
    public string Code => Id.Name();

    /// <summary>The weight group the signal belongs to.</summary>
    public abstract SignalGroup Group { get; }

    /// <summary>Fusion weight in [0, 1]. The weights of all enabled signals must sum to 1.</summary>
    [Range(0.0, 1.0)]
    public double Weight { get; set; }

    /// <summary>Whether the signal is scored and fused at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Absolute score in (0, 1] from which the signal counts as active for the min-signals rule.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double ActivationThreshold { get; set; } = 0.3;
}
