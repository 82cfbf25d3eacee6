namespace Smallfish.Monitoring.Status;

/// <summary>The volatility regime the regime signal sees (fusion's regime 0..3).</summary>
public enum VolatilityRegime
{
    /// <summary>Not yet known.</summary>
    Unknown = 0,

    /// <summary>Low volatility.</summary>
    Low,

    /// <summary>Normal volatility.</summary>
    Normal,

    /// <summary>High volatility.</summary>
    High,

    /// <summary>Extreme volatility: entries blocked.</summary>
    Extreme,
}
