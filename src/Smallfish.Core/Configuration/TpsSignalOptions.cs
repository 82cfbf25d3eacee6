using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>TPS, trades per second (microstructure group, default weight 0.05): urgency filter comparing short-term trade intensity with its longer-term level, directed by the buy/sell ratio.</summary>
public sealed class TpsSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.05).</summary>
    public TpsSignalOptions()
    {
        Weight = 0.05;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Tps;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Micro;

    /// <summary>Short window of the trade rate, in seconds.</summary>
    [Range(1, 3600)]
    public int ShortWindowSeconds { get; set; } = 5;

    /// <summary>Long window of the trade rate, in seconds. Must exceed <see cref="ShortWindowSeconds"/>.</summary>
    [Range(1, 86_400)]
    public int LongWindowSeconds { get; set; } = 60;

    /// <summary>Short/long trade-rate ratio from which trading is urgent.</summary>
    [Range(1.0, 1000.0)]
    public double UrgencyRatio { get; set; } = 2.0;

    /// <summary>Buy/sell (or sell/buy) aggressor volume ratio from which the urgency has a direction.</summary>
    [Range(1.0, 1000.0)]
    public double MinBuySellRatio { get; set; } = 1.5;
}
