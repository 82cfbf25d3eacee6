using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// TPS, trades per second (microstructure group, default weight 0.05): urgency filter. Trade intensity (short flow window
/// over the long one, <c>Microstructure:FlowShortWindowMs</c> / <c>FlowLongWindowMs</c>) above the usual pace, directed by
/// the buy/sell volume ratio of the short window.
/// </summary>
public sealed class TpsSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.05) and activation threshold.</summary>
    public TpsSignalOptions()
    {
        Weight = 0.05;
        ActivationThreshold = 0.45;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Tps;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Short/long trade-rate ratio at which urgency is full (urgency grows from 0 at a ratio of 1).</summary>
    [Range(1.01, 1000.0)]
    public double UrgencyRatio { get; set; } = 2.0;

    /// <summary>Buy/sell (or sell/buy) aggressor volume ratio from which the urgency has a direction.</summary>
    [Range(1.0, 1000.0)]
    public double MinBuySellRatio { get; set; } = 1.5;

    /// <summary>Buy/sell (or sell/buy) volume ratio at which the direction is full (at least <see cref="MinBuySellRatio"/>).</summary>
    [Range(1.0, 1000.0)]
    public double FullBuySellRatio { get; set; } = 4.0;
}
