using Smallfish.Remote.Charts;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Charts;

public class PngChartTests
{
    private static readonly (byte, byte, byte) Green = (RgbColor.Green.R, RgbColor.Green.G, RgbColor.Green.B);
    private static readonly (byte, byte, byte) Red = (RgbColor.Red.R, RgbColor.Red.G, RgbColor.Red.B);

    private static List<(int X, int Y)> PixelsOf(DecodedPng png, (byte, byte, byte) colour)
    {
        var found = new List<(int, int)>();
        for (int y = 0; y < png.Height; y++)
            for (int x = 0; x < png.Width; x++)
                if (png.Pixel(x, y) == colour) found.Add((x, y));
        return found;
    }

    [Test]
    public void EquityCurve_Rising_IsAValidPngWithOnlyGreenLine()
    {
        var png = PngVerifier.Decode(PngChart.EquityCurve([100, 101, 103, 102, 106]));

        Assert.That((png.Width, png.Height), Is.EqualTo((640, 320)));
        Assert.That(png.FilterBytes, Has.Length.EqualTo(320));
        Assert.That(PixelsOf(png, Green), Has.Count.GreaterThan(600), "a 2-px line across ~600 px");
        Assert.That(PixelsOf(png, Red), Is.Empty);
    }

    [Test]
    public void EquityCurve_Falling_IsRed()
    {
        var png = PngVerifier.Decode(PngChart.EquityCurve([100, 99, 97, 98, 95]));

        Assert.That(PixelsOf(png, Red), Is.Not.Empty);
        Assert.That(PixelsOf(png, Green), Has.Count.LessThan(10), "only the starting point sits at the start value");
    }

    [Test]
    public void EquityCurve_CrossingTheStart_GreenAboveRedBelow()
    {
        var canvas = PngChart.RenderEquityCurve([100, 110, 90, 105]);
        var png = PngVerifier.Decode(canvas.ToPng());

        // The start (100) is a third of the way down from 110 to 90.
        var top = 8; var bottom = 320 - 8 - 1;
        var baseline = top + (110.0 - 100) / 20 * (bottom - top);
        var green = PixelsOf(png, Green);
        var red = PixelsOf(png, Red);
        Assert.That(green, Is.Not.Empty);
        Assert.That(red, Is.Not.Empty);
        Assert.That(green.Max(p => p.Y), Is.LessThanOrEqualTo(baseline + 2), "green stays at or above the start");
        Assert.That(red.Min(p => p.Y), Is.GreaterThanOrEqualTo(baseline - 2), "red stays at or below the start");
    }

    [Test]
    public void EquityCurve_WithLabels_DrawsTextInTheLeftMargin()
    {
        var options = new EquityChartOptions { Width = 300, Height = 120 };
        var withLabels = PngVerifier.Decode(PngChart.EquityCurve([1000, 1012.4], options));
        var without = PngVerifier.Decode(PngChart.EquityCurve([1000, 1012.4], options with { ShowMinMaxLabels = false }));

        int Dark(DecodedPng p, int maxX) => Enumerable.Range(0, p.Height).Sum(y => Enumerable.Range(0, maxX).Count(x => p.Pixel(x, y) == (64, 64, 64)));
        Assert.That(Dark(withLabels, 60), Is.GreaterThan(50), "label glyphs");
        Assert.That(Dark(without, 7), Is.Zero);
    }

    [Test]
    public void EquityCurve_EmptyFlatAndSingle_StillValid()
    {
        Assert.That(PngVerifier.Decode(PngChart.EquityCurve([])).Width, Is.EqualTo(640));
        Assert.That(PixelsOf(PngVerifier.Decode(PngChart.EquityCurve([5, 5, 5])), Green), Is.Not.Empty);
        Assert.That(PixelsOf(PngVerifier.Decode(PngChart.EquityCurve([42])), Green), Is.Not.Empty);
    }

    [Test]
    public void EquityCurve_NonFiniteValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngChart.EquityCurve([1, double.NaN]));
    }
}
