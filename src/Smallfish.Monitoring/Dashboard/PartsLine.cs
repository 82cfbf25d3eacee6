using Spectre.Console;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>Writes a line of styled parts, whole parts only: it stops before the first part that would not fit.</summary>
internal static class PartsLine
{
    public static void Write(CellGrid grid, int row, IReadOnlyList<(string Text, Style Style)> parts, string separator = " ")
    {
        int x = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            (string text, Style style) = parts[i];
            if (i == 0)
            {
                x += grid.Write(0, row, grid.Fit(text, grid.Width), style);
                continue;
            }
            if (x + separator.Length + text.Length > grid.Width) break;
            x += grid.Write(x, row, separator, Palette.Dim);
            x += grid.Write(x, row, text, style);
        }
    }
}
