using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>Per-symbol memory of the REGIME scorer: the smoothed short-window variance and the current regime (for hysteresis).</summary>
public struct RegimeState
{
    internal TimeEma Variance;
    internal double SmoothingSeconds;
    internal bool Ready;

    /// <summary>The current regime.</summary>
    public VolatilityRegime Regime { get; internal set; }

    /// <summary>Smoothed short-window volatility over its baseline at the last classification (1 = usual; 1 while unknown).</summary>
    public double Ratio { get; internal set; }

    /// <summary>Forgets the average and returns to the normal regime.</summary>
    public void Reset()
    {
        Ready = false;
        Regime = VolatilityRegime.Normal;
        Ratio = 1;
    }
}
