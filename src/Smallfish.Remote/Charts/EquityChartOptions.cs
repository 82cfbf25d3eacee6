namespace Smallfish.Remote.Charts;

/// <summary>Size and colours of <see cref="PngChart.EquityCurve"/>.</summary>
public sealed record EquityChartOptions
{
    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 320;

    /// <summary>Background.</summary>
    public RgbColor Background { get; init; } = RgbColor.White;

    /// <summary>Axes and labels.</summary>
    public RgbColor AxisColor { get; init; } = RgbColor.DarkGray;

    /// <summary>Dashed guide at the starting equity.</summary>
    public RgbColor BaselineColor { get; init; } = RgbColor.LightGray;

    /// <summary>The curve where equity is at or above the start.</summary>
    public RgbColor UpColor { get; init; } = RgbColor.Green;

    /// <summary>The curve where equity is below the start.</summary>
    public RgbColor DownColor { get; init; } = RgbColor.Red;

    /// <summary>Curve thickness in pixels.</summary>
    public int LineThickness { get; init; } = 2;

    /// <summary>Draw the maximum and minimum values at the left edge.</summary>
    public bool ShowMinMaxLabels { get; init; } = true;

    /// <summary>Label pixel scale (1 = 5x7 font).</summary>
    public int LabelScale { get; init; } = 2;

    /// <summary>Decimals in the labels.</summary>
    public int LabelDecimals { get; init; } = 2;
}
