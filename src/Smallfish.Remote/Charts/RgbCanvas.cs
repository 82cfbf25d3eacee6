namespace Smallfish.Remote.Charts;

/// <summary>
/// A small RGB raster (top-left origin) with the drawing a chart needs: pixels, lines with a square brush,
/// dashed horizontal lines, rectangles and 5x7 text. Drawing outside the canvas is clipped silently.
/// </summary>
public sealed class RgbCanvas
{
    private readonly byte[] _pixels;

    /// <summary>Creates a canvas filled with <paramref name="background"/>.</summary>
    public RgbCanvas(int width, int height, RgbColor background)
    {
        if (width < 1 || height < 1 || width > 10_000 || height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), $"canvas must be 1..10000 pixels each way, got {width}x{height}");
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 3];
        Clear(background);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The raw pixels, rows top to bottom, 3 bytes per pixel.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>Fills the whole canvas.</summary>
    public void Clear(RgbColor color) => FillRect(0, 0, Width, Height, color);

    /// <summary>Sets one pixel (ignored outside the canvas).</summary>
    public void SetPixel(int x, int y, RgbColor color)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        var i = (y * Width + x) * 3;
        _pixels[i] = color.R;
        _pixels[i + 1] = color.G;
        _pixels[i + 2] = color.B;
    }

    /// <summary>Reads one pixel.</summary>
    public RgbColor GetPixel(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside {Width}x{Height}");
        var i = (y * Width + x) * 3;
        return new RgbColor(_pixels[i], _pixels[i + 1], _pixels[i + 2]);
    }

    /// <summary>Fills the rectangle with top-left (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void FillRect(int x, int y, int width, int height, RgbColor color)
    {
        int x0 = Math.Max(0, x), y0 = Math.Max(0, y), x1 = Math.Min(Width, x + width), y1 = Math.Min(Height, y + height);
        for (int yy = y0; yy < y1; yy++)
        {
            for (int xx = x0; xx < x1; xx++) SetPixel(xx, yy, color);
        }
    }

    /// <summary>Draws a line with a square brush of <paramref name="thickness"/> pixels (Bresenham).</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, RgbColor color, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int half = (thickness - 1) / 2;
        while (true)
        {
            FillRect(x0 - half, y0 - half, thickness, thickness, color);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>Draws a dashed horizontal line from <paramref name="x0"/> to <paramref name="x1"/> inclusive.</summary>
    public void DrawDashedHorizontal(int x0, int x1, int y, RgbColor color, int dash = 4, int gap = 3)
    {
        for (int x = x0; x <= x1; x++)
        {
            if ((x - x0) % (dash + gap) < dash) SetPixel(x, y, color);
        }
    }

    /// <summary>Draws <paramref name="text"/> with its top-left at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void DrawText(int x, int y, string text, RgbColor color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be at least 1");
        foreach (var c in text)
        {
            var glyph = BitmapFont5x7.Glyph(c);
            for (int row = 0; row < BitmapFont5x7.GlyphHeight; row++)
            {
                for (int col = 0; col < BitmapFont5x7.GlyphWidth; col++)
                {
                    if ((glyph[row] & (1 << (BitmapFont5x7.GlyphWidth - 1 - col))) != 0)
                        FillRect(x + col * scale, y + row * scale, scale, scale, color);
                }
            }
            x += BitmapFont5x7.Advance * scale;
        }
    }

    /// <summary>Encodes the canvas as a PNG.</summary>
    public byte[] ToPng() => PngEncoder.EncodeRgb(Width, Height, _pixels);
}
