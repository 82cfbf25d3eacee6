namespace Smallfish.Remote.Charts;

/// <summary>An opaque 8-bit RGB colour.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>White.</summary>
    public static RgbColor White => new(255, 255, 255);

    /// <summary>Dark grey for axes and labels.</summary>
    public static RgbColor DarkGray => new(64, 64, 64);

    /// <summary>Light grey for guide lines.</summary>
    public static RgbColor LightGray => new(190, 190, 190);

    /// <summary>Green for gains.</summary>
    public static RgbColor Green => new(0, 160, 60);

    /// <summary>Red for losses.</summary>
    public static RgbColor Red => new(210, 40, 40);
}
