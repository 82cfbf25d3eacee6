using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// A Spectre renderable that fills exactly the width and height it is given (the layout region): optionally a
/// rounded frame with a title, and a body drawn by a <see cref="DashboardPanel"/> or a drawing function.
/// </summary>
internal sealed class CellView : Renderable
{
    private readonly Action<CellGrid> _draw;
    private readonly Func<Glyphs, int, string>? _title;
    private readonly bool _framed;

    private CellView(Action<CellGrid> draw, Func<Glyphs, int, string>? title, bool framed)
    {
        _draw = draw;
        _title = title;
        _framed = framed;
    }

    public static CellView Framed(DashboardPanel panel) => new(panel.Draw, panel.Title, framed: true);

    public static CellView Plain(Action<CellGrid> draw) => new(draw, null, framed: false);

    protected override Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Max(0, maxWidth), Math.Max(0, maxWidth));

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        int width = Math.Max(0, maxWidth);
        int height = Math.Max(0, options.Height ?? options.ConsoleSize.Height);
        Glyphs g = options.Unicode ? Glyphs.Unicode : Glyphs.Ascii;
        if (width == 0 || height == 0) return [];

        if (!_framed || width < 3 || height < 3)
        {
            var body = new CellGrid(width, height, g);
            if (!_framed) _draw(body);
            return body.ToSegments();
        }

        var inner = new CellGrid(width - 2, height - 2, g);
        _draw(inner);
        var segments = new List<Segment>();
        segments.AddRange(TopBorder(width, g));
        segments.Add(Segment.LineBreak);
        var side = new Segment(g.Vertical.ToString(), Palette.Border);
        segments.AddRange(inner.ToSegments(_ => [side], _ => [side]));
        segments.Add(Segment.LineBreak);
        segments.Add(new Segment(g.BottomLeft + new string(g.Horizontal, width - 2) + g.BottomRight, Palette.Border));
        return segments;
    }

    private IEnumerable<Segment> TopBorder(int width, Glyphs g)
    {
        string title = CellGrid.Fit(_title?.Invoke(g, width - 4) ?? "", width - 4, g);
        if (title.Length == 0)
        {
            yield return new Segment(g.TopLeft + new string(g.Horizontal, width - 2) + g.TopRight, Palette.Border);
            yield break;
        }
        yield return new Segment(g.TopLeft.ToString() + g.Horizontal, Palette.Border);
        yield return new Segment(title, Palette.Title);
        yield return new Segment(new string(g.Horizontal, width - 3 - title.Length) + g.TopRight, Palette.Border);
    }
}
