using System.Globalization;

namespace Smallfish.Remote.Charts;

/// <summary>
/// Renders charts as PNG bytes for Telegram (no chart library is available here): an equity curve with left and bottom
/// axes, a dashed guide at the starting value, the curve green where it is at or above the start and red below (a
/// segment that crosses the start is split at the crossing), and optional min/max labels in a 5x7 font.
/// </summary>
public static class PngChart
{
    private const int Pad = 8;

    /// <summary>Renders <paramref name="equity"/> (oldest first) as a PNG. Values must be finite.</summary>
    public static byte[] EquityCurve(ReadOnlySpan<double> equity, EquityChartOptions? options = null) =>
        RenderEquityCurve(equity, options).ToPng();

    /// <summary>Rasterizes the equity chart onto a canvas (exposed so callers and tests can inspect pixels).</summary>
    public static RgbCanvas RenderEquityCurve(ReadOnlySpan<double> equity, EquityChartOptions? options = null)
    {
        var o = options ?? new EquityChartOptions();
        if (o.LineThickness < 1) throw new ArgumentOutOfRangeException(nameof(options), "LineThickness must be at least 1");
        foreach (var v in equity)
        {
            if (!double.IsFinite(v)) throw new ArgumentException("equity values must be finite", nameof(equity));
        }

        var canvas = new RgbCanvas(o.Width, o.Height, o.Background);
        double min = double.MaxValue, max = double.MinValue;
        foreach (var v in equity)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (equity.Length == 0) { min = 0; max = 1; }

        string maxLabel = Format(max, o.LabelDecimals), minLabel = Format(min, o.LabelDecimals);
        int labelWidth = o.ShowMinMaxLabels
            ? Math.Max(BitmapFont5x7.MeasureWidth(maxLabel, o.LabelScale), BitmapFont5x7.MeasureWidth(minLabel, o.LabelScale)) + Pad
            : 0;
        int left = Pad + labelWidth, right = o.Width - Pad - 1, top = Pad, bottom = o.Height - Pad - 1;
        if (right - left < 2 || bottom - top < 2) throw new ArgumentException($"{o.Width}x{o.Height} is too small for the chart", nameof(options));

        canvas.DrawLine(left - 1, top, left - 1, bottom + 1, o.AxisColor);
        canvas.DrawLine(left - 1, bottom + 1, right, bottom + 1, o.AxisColor);
        if (o.ShowMinMaxLabels && equity.Length > 0)
        {
            canvas.DrawText(Pad, top, maxLabel, o.AxisColor, o.LabelScale);
            canvas.DrawText(Pad, bottom - BitmapFont5x7.GlyphHeight * o.LabelScale + 1, minLabel, o.AxisColor, o.LabelScale);
        }
        if (equity.Length == 0) return canvas;

        double span = max - min;
        if (span <= Math.Max(Math.Abs(max), 1) * 1e-12)
        {
            // Flat curve: centre it.
            var half = Math.Max(Math.Abs(max) * 0.01, 1e-9);
            min -= half;
            max += half;
            span = max - min;
        }
        double start = equity[0];
        double Y(double v) => top + (max - v) / span * (bottom - top);
        int n = equity.Length;
        double X(int i) => n == 1 ? (left + right) / 2.0 : left + (double)i * (right - left) / (n - 1);

        canvas.DrawDashedHorizontal(left, right, (int)Math.Round(Y(start)), o.BaselineColor);

        var thickness = o.LineThickness;
        if (equity.Length == 1)
        {
            canvas.DrawLine(Round(X(0)), Round(Y(start)), Round(X(0)), Round(Y(start)), o.UpColor, thickness + 2);
            return canvas;
        }
        for (int i = 1; i < equity.Length; i++)
        {
            double v0 = equity[i - 1], v1 = equity[i];
            bool up0 = v0 >= start, up1 = v1 >= start;
            double x0 = X(i - 1), x1 = X(i);
            if (up0 == up1 || v1 == v0)
            {
                canvas.DrawLine(Round(x0), Round(Y(v0)), Round(x1), Round(Y(v1)), up1 ? o.UpColor : o.DownColor, thickness);
                continue;
            }
            var t = (start - v0) / (v1 - v0);
            var xc = x0 + t * (x1 - x0);
            canvas.DrawLine(Round(x0), Round(Y(v0)), Round(xc), Round(Y(start)), up0 ? o.UpColor : o.DownColor, thickness);
            canvas.DrawLine(Round(xc), Round(Y(start)), Round(x1), Round(Y(v1)), up1 ? o.UpColor : o.DownColor, thickness);
        }
        return canvas;
    }

    private static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string Format(double v, int decimals) =>
        v.ToString("F" + Math.Clamp(decimals, 0, 8).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
