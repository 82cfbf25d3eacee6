namespace Smallfish.Backtest.Reports;

/// <summary>
/// A small raster of cells (0 = empty, 1 = positive/line, 2 = negative, 3 = axis) that the charts compute once and
/// then draw either as a Spectre <c>Canvas</c> (colored pixels) or as plain text characters when the terminal has
/// no colors (a canvas of background colors would be blank there).
/// </summary>
internal sealed class PlotGrid
{
    public const byte Empty = 0, Up = 1, Down = 2, Axis = 3;

    public PlotGrid(int width, int height)
    {
        Width = width;
        Height = height;
        Cells = new byte[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Cells { get; }

    public byte this[int x, int y]
    {
        get => Cells[(y * Width) + x];
        set => Cells[(y * Width) + x] = value;
    }

    /// <summary>Bars around a zero axis, one column per value (the last <see cref="Width"/> values).</summary>
    public static PlotGrid Bars(IReadOnlyList<double> values, int width, int height)
    {
        int n = Math.Min(values.Count, width);
        var grid = new PlotGrid(Math.Max(1, n), height);
        int axis = height / 2;
        double max = 0;
        for (int i = values.Count - n; i < values.Count; i++) max = Math.Max(max, Math.Abs(values[i]));
        for (int x = 0; x < grid.Width; x++) grid[x, axis] = Axis;
        if (max == 0) return grid;
        for (int i = 0; i < n; i++)
        {
            double v = values[values.Count - n + i];
            if (v > 0)
            {
                int h = Math.Max(1, (int)Math.Round(v / max * axis));
                for (int k = 1; k <= h; k++) grid[i, axis - k] = Up;
            }
            else if (v < 0)
            {
                int h = Math.Max(1, (int)Math.Round(-v / max * (height - 1 - axis)));
                for (int k = 1; k <= h; k++) grid[i, axis + k] = Down;
            }
        }
        return grid;
    }

    /// <summary>A line through <paramref name="values"/> resampled to <paramref name="width"/> columns (last value per column).</summary>
    public static PlotGrid Line(IReadOnlyList<double> values, int width, int height)
    {
        int w = Math.Max(1, Math.Min(values.Count, width));
        var grid = new PlotGrid(w, height);
        if (values.Count == 0) return grid;
        double min = values.Min(), max = values.Max();
        for (int x = 0; x < w; x++)
        {
            int index = (int)Math.Min(values.Count - 1, ((long)(x + 1) * values.Count / w) - 1);
            double v = values[Math.Max(0, index)];
            int y = max == min ? height / 2 : (int)Math.Round((max - v) / (max - min) * (height - 1));
            grid[x, y] = Up;
        }
        return grid;
    }
}
