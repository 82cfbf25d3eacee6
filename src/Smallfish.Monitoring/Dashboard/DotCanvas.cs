namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// A line-drawing surface with 2x4 dots per terminal cell, drawn as braille characters (one dot per cell in ASCII
/// mode). Each cell remembers the colour of the last dot set in it.
/// </summary>
internal sealed class DotCanvas
{
    // Braille dot bits: column 0 rows 0..3, column 1 rows 0..3.
    private static readonly int[,] Bits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly int[] _dots;
    private readonly Spectre.Console.Style[] _styles;

    public DotCanvas(int cellsWide, int cellsHigh)
    {
        CellsWide = Math.Max(0, cellsWide);
        CellsHigh = Math.Max(0, cellsHigh);
        _dots = new int[CellsWide * CellsHigh];
        _styles = new Spectre.Console.Style[CellsWide * CellsHigh];
    }

    public int CellsWide { get; }

    public int CellsHigh { get; }

    public int DotsWide => CellsWide * 2;

    public int DotsHigh => CellsHigh * 4;

    public void Set(int dx, int dy, Spectre.Console.Style style)
    {
        if (dx < 0 || dy < 0 || dx >= DotsWide || dy >= DotsHigh) return;
        int cell = (dy / 4) * CellsWide + dx / 2;
        _dots[cell] |= Bits[dx % 2, dy % 4];
        _styles[cell] = style;
    }

    /// <summary>Draws a straight line between two dots.</summary>
    public void Line(int x0, int y0, int x1, int y1, Spectre.Console.Style style) => Line(x0, y0, x1, y1, _ => style);

    /// <summary>Draws a straight line between two dots, each dot coloured by <paramref name="styleOfRow"/> of its dot row.</summary>
    public void Line(int x0, int y0, int x1, int y1, Func<int, Spectre.Console.Style> styleOfRow)
    {
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true)
        {
            Set(x0, y0, styleOfRow(y0));
            if (x0 == x1 && y0 == y1) break;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>Copies every cell holding a dot onto <paramref name="grid"/> at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public void CopyTo(CellGrid grid, int left, int top, Glyphs glyphs)
    {
        for (int cy = 0; cy < CellsHigh; cy++)
        {
            for (int cx = 0; cx < CellsWide; cx++)
            {
                int bits = _dots[cy * CellsWide + cx];
                if (bits == 0) continue;
                char c = glyphs.IsUnicode ? (char)(0x2800 + bits) : glyphs.Dot;
                grid.Put(left + cx, top + cy, c, _styles[cy * CellsWide + cx]);
            }
        }
    }
}
