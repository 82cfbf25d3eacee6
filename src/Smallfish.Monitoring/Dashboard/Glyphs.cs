namespace Smallfish.Monitoring.Dashboard;

/// <summary>The characters the dashboard draws with: Unicode (braille, blocks, box drawing) or plain ASCII.</summary>
internal sealed class Glyphs
{
    public static readonly Glyphs Unicode = new()
    {
        IsUnicode = true,
        Horizontal = '\u2500', Vertical = '\u2502', TopLeft = '\u256d', TopRight = '\u256e', BottomLeft = '\u2570', BottomRight = '\u256f',
        Dashed = '\u2504', Dotted = '\u00b7', BuyEntry = '\u25b2', SellEntry = '\u25bc', Exit = '\u2715', Full = '\u2588',
        UpperHalf = '\u2580', UpperEighth = '\u2594', LeftHalf = '\u258c', RightHalf = '\u2590', Axis = '\u2502',
        Separator = " \u2502 ", Middot = " \u00b7 ", Ellipsis = "\u2026", Dot = '\u2022',
    };

    public static readonly Glyphs Ascii = new()
    {
        IsUnicode = false,
        Horizontal = '-', Vertical = '|', TopLeft = '+', TopRight = '+', BottomLeft = '+', BottomRight = '+',
        Dashed = '-', Dotted = '.', BuyEntry = 'B', SellEntry = 'S', Exit = 'x', Full = '#',
        UpperHalf = '#', UpperEighth = '#', LeftHalf = '#', RightHalf = '#', Axis = '|',
        Separator = " | ", Middot = " - ", Ellipsis = "~", Dot = '*',
    };

    /// <summary>Lower eighth blocks, index 1..8 (index 0 unused).</summary>
    private static readonly char[] LowerEighths = [' ', '\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'];

    public bool IsUnicode { get; private init; }

    public char Horizontal { get; private init; }

    public char Vertical { get; private init; }

    public char TopLeft { get; private init; }

    public char TopRight { get; private init; }

    public char BottomLeft { get; private init; }

    public char BottomRight { get; private init; }

    public char Dashed { get; private init; }

    public char Dotted { get; private init; }

    public char BuyEntry { get; private init; }

    public char SellEntry { get; private init; }

    public char Exit { get; private init; }

    public char Full { get; private init; }

    public char UpperHalf { get; private init; }

    public char UpperEighth { get; private init; }

    public char LeftHalf { get; private init; }

    public char RightHalf { get; private init; }

    public char Axis { get; private init; }

    public char Dot { get; private init; }

    public string Separator { get; private init; } = " | ";

    public string Middot { get; private init; } = " - ";

    public string Ellipsis { get; private init; } = "~";

    /// <summary>A block filling the lower <paramref name="eighths"/>/8 of a cell (1..8).</summary>
    public char LowerBlock(int eighths)
    {
        eighths = Math.Clamp(eighths, 1, 8);
        return IsUnicode ? LowerEighths[eighths] : (eighths >= 4 ? '#' : '_');
    }
}
