using Spectre.Console.Rendering;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>Renders its child at a fixed size (the dashboard's whole screen), whatever the console reports.</summary>
internal sealed class FixedSizeView : Renderable
{
    private readonly IRenderable _child;
    private readonly int _width;
    private readonly int _height;

    public FixedSizeView(IRenderable child, int width, int height)
    {
        _child = child;
        _width = width;
        _height = height;
    }

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        int w = Math.Min(_width, maxWidth);
        return new Measurement(w, w);
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        _child.Render(options with { Height = _height }, Math.Min(_width, maxWidth));
}
