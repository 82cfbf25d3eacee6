namespace Smallfish.Remote.Charts;

/// <summary>
/// A 5x7 pixel font for chart labels: digits and <c>. , - + % :</c> and space. Other characters draw as blanks.
/// Each glyph is seven rows of five bits, the leftmost pixel in bit 4.
/// </summary>
public static class BitmapFont5x7
{
    /// <summary>Glyph width in pixels (before scaling).</summary>
    public const int GlyphWidth = 5;

    /// <summary>Glyph height in pixels (before scaling).</summary>
    public const int GlyphHeight = 7;

    /// <summary>Horizontal advance per character, including one pixel of spacing (before scaling).</summary>
    public const int Advance = GlyphWidth + 1;

    /// <summary>Rows of the glyph for <paramref name="c"/> (blank when the font lacks it).</summary>
    public static ReadOnlySpan<byte> Glyph(char c) => c switch
    {
        '0' => [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
        '1' => [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        '2' => [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        '3' => [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        '4' => [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        '5' => [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        '6' => [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        '7' => [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        '8' => [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        '9' => [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        '.' => [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b01100],
        ',' => [0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b00100, 0b01000],
        '-' => [0b00000, 0b00000, 0b00000, 0b11111, 0b00000, 0b00000, 0b00000],
        '+' => [0b00000, 0b00100, 0b00100, 0b11111, 0b00100, 0b00100, 0b00000],
        '%' => [0b11000, 0b11001, 0b00010, 0b00100, 0b01000, 0b10011, 0b00011],
        ':' => [0b00000, 0b01100, 0b01100, 0b00000, 0b01100, 0b01100, 0b00000],
        _ => [0, 0, 0, 0, 0, 0, 0],
    };

    /// <summary>True when the font has a visible glyph for <paramref name="c"/>.</summary>
    public static bool Has(char c) => c is (>= '0' and <= '9') or '.' or ',' or '-' or '+' or '%' or ':';

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/> (no trailing spacing).</summary>
    public static int MeasureWidth(string text, int scale) =>
        string.IsNullOrEmpty(text) ? 0 : (text.Length * Advance - 1) * scale;
}
