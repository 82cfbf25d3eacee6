using System.ComponentModel.DataAnnotations;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>UMOM, micro-momentum (core group, default weight 0.15): fast versus slow EMA crossover of the mid price, gated by volatility and confirmed by trade flow.</summary>
public sealed class UmomSignalOptions : SignalOptions
{
    /// <summary>Creates the options with the default weight (0.15).</summary>
    public UmomSignalOptions()
    {
        Weight = 0.15;
    }

    /// <inheritdoc />
    public override SignalId Id => SignalId.Umom;

    /// <inheritdoc />
    public override SignalGroup Group => SignalGroup.Core;

    /// <summary>Time constant of the fast EMA, in seconds.</summary>
    [Range(0.01, 3600.0)]
    public double FastEmaSeconds { get; set; } = 1.0;

    /// <summary>Time constant of the slow EMA, in seconds. Must exceed <see cref="FastEmaSeconds"/>.</summary>
    [Range(0.01, 3600.0)]
    public double SlowEmaSeconds { get; set; } = 5.0;

    /// <summary>Minimum short-term realized volatility, in basis points, below which the signal stays silent.</summary>
    [Range(0.0, 10_000.0)]
    public double MinVolatilityBps { get; set; } = 0.5;

    /// <summary>Whether aggressor trade flow must agree with the crossover direction.</summary>
    public bool RequireTradeFlowConfirmation { get; set; } = true;
}
