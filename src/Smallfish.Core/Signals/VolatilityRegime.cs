namespace Smallfish.Core.Signals;

/// <summary>The volatility regime the REGIME signal classifies (the values are those of <see cref="FusionResult.Regime"/>).</summary>
public enum VolatilityRegime
{
    /// <summary>Volatility well below its baseline.</summary>
    Low = 0,

    /// <summary>Usual volatility (also while the baseline is not yet known).</summary>
    Normal = 1,

    /// <summary>Volatility well above its baseline.</summary>
    High = 2,

    /// <summary>Volatility far above its baseline: thresholds raised, momentum damped, entries blocked by default.</summary>
    Extreme = 3,
}
