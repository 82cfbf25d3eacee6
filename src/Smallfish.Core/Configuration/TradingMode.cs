namespace Smallfish.Core.Configuration;

/// <summary>
/// The risk profile a run uses. Each mode has a layer file <c>appsettings.{Mode}.json</c> on top of
/// <c>appsettings.json</c>; in configuration and on the command line it is written in lower case
/// (<c>--mode aggressive</c>) and matched case-insensitively.
/// </summary>
public enum TradingMode
{
    /// <summary>Strictest filter, smallest risk (0.5 % per trade, 1.4:1, 3x cap).</summary>
    Conservative,

    /// <summary>Moderate filter (1.5 % per trade, 2:1, 5x cap). The base of appsettings.json.</summary>
    Balanced,

    /// <summary>Wider entry, partial take-profit at 1R (2.5 % per trade, 2.4:1, 8x cap).</summary>
    Aggressive,

    /// <summary>Widest entry, heavy compounding (3.5 % per trade, 2.8:1, 15x cap).</summary>
    Ultra,
}
