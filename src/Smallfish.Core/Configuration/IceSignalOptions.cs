using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// ICE, iceberg refill (whale group, default weight 0.03): a level that keeps refilling while it trades beyond its
/// largest visible size (hidden size; <c>Microstructure:IceWindowMs</c>). A bid iceberg defends the bid: buy.
/// </summary>
public sealed class IceSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.03) and activation threshold.</summary>
    public IceSignalOptions()
    {
        Weight = 0.03;
        ActivationThreshold = 0.5;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Ice;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Whale;

    /// <summary>Refills of the traded level needed before it is called an iceberg.</summary>
    [Range(1, 1000)]
    public int MinRefills { get; set; } = 3;

    /// <summary>Share in (0, 1] of the level's traded volume beyond its largest visible size at which the score is full.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FullHiddenShare { get; set; } = 0.6;
}
