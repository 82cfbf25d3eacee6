using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// A fixed-size grid of terminal cells (one character and one style each) that the dashboard's panels draw into.
/// Writes outside the grid are ignored, so drawing code never has to guard against small sizes.
/// </summary>
internal sealed class CellGrid
{
    private readonly char[] _chars;
    private readonly Style[] _styles;

    public CellGrid(int width, int height, Glyphs? glyphs = null)
    {
        Glyphs = glyphs ?? Glyphs.Unicode;
        Width = Math.Max(0, width);
        Height = Math.Max(0, height);
        _chars = new char[Width * Height];
        _styles = new Style[Width * Height];
        Array.Fill(_chars, ' ');
        Array.Fill(_styles, Style.Plain);
    }

    /// <summary>The character set to draw with.</summary>
    public Glyphs Glyphs { get; }

    public int Width { get; }

    public int Height { get; }

    public bool Contains(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height;

    public char CharAt(int x, int y) => Contains(x, y) ? _chars[y * Width + x] : ' ';

    public Style StyleAt(int x, int y) => Contains(x, y) ? _styles[y * Width + x] : Style.Plain;

    /// <summary>Row <paramref name="y"/> as text.</summary>
    public string RowText(int y) => Contains(0, y) ? new string(_chars, y * Width, Width) : "";

    public void Put(int x, int y, char c, Style style)
    {
        if (!Contains(x, y)) return;
        _chars[y * Width + x] = c;
        _styles[y * Width + x] = style;
    }

    /// <summary>Writes <paramref name="text"/> from (x, y), clipped to the grid and to <paramref name="maxLength"/> cells.</summary>
    public int Write(int x, int y, string text, Style style, int maxLength = int.MaxValue)
    {
        int n = Math.Min(text.Length, maxLength);
        for (int i = 0; i < n; i++) Put(x + i, y, text[i], style);
        return n;
    }

    /// <summary>Writes <paramref name="text"/> ending at column <paramref name="right"/> (inclusive).</summary>
    public void WriteRight(int right, int y, string text, Style style) => Write(right - text.Length + 1, y, text, style);

    /// <summary>Writes <paramref name="text"/> centred on row <paramref name="y"/>, truncated to the width.</summary>
    public void WriteCentered(int y, string text, Style style)
    {
        string t = Fit(text, Width);
        Write((Width - t.Length) / 2, y, t, style);
    }

    /// <summary>The rows as segments, one line break between rows (none after the last).</summary>
    public IEnumerable<Segment> ToSegments(Func<int, IEnumerable<Segment>>? left = null, Func<int, IEnumerable<Segment>>? right = null)
    {
        var run = new StringBuilder();
        for (int y = 0; y < Height; y++)
        {
            if (left is not null)
            {
                foreach (Segment s in left(y)) yield return s;
            }
            int start = 0;
            while (start < Width)
            {
                Style style = _styles[y * Width + start];
                run.Clear();
                int x = start;
                while (x < Width && _styles[y * Width + x].Equals(style))
                {
                    run.Append(_chars[y * Width + x]);
                    x++;
                }
                yield return new Segment(run.ToString(), style);
                start = x;
            }
            if (right is not null)
            {
                foreach (Segment s in right(y)) yield return s;
            }
            if (y < Height - 1) yield return Segment.LineBreak;
        }
    }

    /// <summary><paramref name="text"/> cut to <paramref name="width"/> cells, with an ellipsis when cut.</summary>
    public string Fit(string text, int width) => Fit(text, width, Glyphs);

    /// <summary><paramref name="text"/> cut to <paramref name="width"/> cells, with an ellipsis of <paramref name="glyphs"/> when cut.</summary>
    public static string Fit(string text, int width, Glyphs glyphs)
    {
        if (width <= 0) return "";
        if (text.Length <= width) return text;
        string ellipsis = glyphs.Ellipsis;
        return width <= ellipsis.Length ? text[..width] : text[..(width - ellipsis.Length)] + ellipsis;
    }
}
