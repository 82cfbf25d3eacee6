using Smallfish.Core.Domain;
using Smallfish.Core.Signals;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// Bottom-right quadrant: each signal's current score as a horizontal bar around a centre axis (negative to the left
/// in red, positive to the right in green; inactive signals dimmed), with its value and, with room, its weight. Uses
/// two columns when one does not fit, and the strongest signals first when neither does.
/// </summary>
internal sealed class SignalsPanel : DashboardPanel
{
    private const int NameWidth = 6;
    private const int ValueWidth = 5;
    private readonly SymbolStatus? _symbol;

    public SignalsPanel(SymbolStatus? symbol) => _symbol = symbol;

    public override string Title(Glyphs glyphs, int maxWidth)
    {
        if (_symbol is null) return "Signals ";
        FusionStatus f = _symbol.Fusion;
        string direction = f.Direction switch
        {
            Side.Buy => (glyphs.IsUnicode ? "\u25b2" : "^") + " buy",
            Side.Sell => (glyphs.IsUnicode ? "\u25bc" : "v") + " sell",
            _ => "flat",
        };
        return TitleParts.Join(["Signals " + _symbol.Symbol, direction + " " + Fmt.Fraction(f.Confidence), $"{f.AgreeingCount}/{f.ActiveCount} agree"], glyphs.Middot, maxWidth);
    }

    public override void Draw(CellGrid grid)
    {
        if (grid.Width <= 0 || grid.Height <= 0) return;
        IReadOnlyList<SignalScore> signals = _symbol?.Fusion.Signals ?? [];
        if (signals.Count == 0)
        {
            grid.WriteCentered(grid.Height / 2, "no signal scores yet", Palette.Dim);
            return;
        }

        int minColumn = NameWidth + 1 + 3 + 1 + ValueWidth;
        int columns = signals.Count <= grid.Height || grid.Width < 2 * minColumn + 1 ? 1 : 2;
        int capacity = columns * grid.Height;
        var shown = new List<SignalScore>(signals);
        if (shown.Count > capacity)
        {
            // Not all fit: keep the strongest, shown in signal order.
            var strongest = new List<SignalScore>(shown);
            strongest.Sort(static (a, b) => Math.Abs(b.Score).CompareTo(Math.Abs(a.Score)));
            var keep = new HashSet<SignalScore>(strongest.GetRange(0, capacity));
            shown = shown.FindAll(keep.Contains);
        }

        // With a spare row below one column of bars: what the fusion made of them.
        if (columns == 1 && shown.Count + 2 <= grid.Height) DrawSummary(grid, grid.Height - 1, _symbol!.Fusion);

        int columnWidth = columns == 1 ? grid.Width : (grid.Width - 1) / 2;
        int perColumn = (shown.Count + columns - 1) / columns;
        for (int i = 0; i < shown.Count; i++)
        {
            int col = i / perColumn, row = i % perColumn;
            DrawRow(grid, col * (columnWidth + 1), row, columnWidth, shown[i]);
        }
    }

    private static void DrawSummary(CellGrid grid, int row, FusionStatus f)
    {
        string sep = grid.Glyphs.Middot;
        string text = $"fused {Fmt.Fraction(f.Confidence)}{sep}{f.ActiveCount} active, {f.AgreeingCount} agree{sep}"
            + (f.WantsEntry ? "entry rule met" : "entry rule not met");
        grid.Write(0, row, grid.Fit(text, grid.Width), f.WantsEntry ? Palette.UpBold : Palette.Dim);
    }

    private static void DrawRow(CellGrid grid, int left, int row, int width, SignalScore s)
    {
        Glyphs g = grid.Glyphs;
        bool withWeight = width >= NameWidth + 1 + 11 + 1 + ValueWidth + 5;
        int barWidth = width - NameWidth - 1 - 1 - ValueWidth - (withWeight ? 5 : 0);
        var nameStyle = s.Active ? Palette.Bold : Palette.Inactive;
        grid.Write(left, row, s.Name.Name().PadRight(NameWidth), nameStyle, NameWidth);
        if (barWidth < 3)
        {
            grid.Write(left + NameWidth + 1, row, Fmt.Score(s.Score), Palette.Sign(s.Score), Math.Max(0, width - NameWidth - 1));
            return;
        }

        int barLeft = left + NameWidth + 1;
        int half = (barWidth - 1) / 2;
        int axis = barLeft + half;
        grid.Put(axis, row, g.Axis, Palette.Dim);
        double score = double.IsFinite(s.Score) ? Math.Clamp(s.Score, -1, 1) : 0;
        int halves = (int)Math.Round(Math.Abs(score) * half * 2);
        var style = score >= 0 ? (s.Active ? Palette.Up : Palette.InactiveUp) : (s.Active ? Palette.Down : Palette.InactiveDown);
        int full = halves / 2;
        bool extra = halves % 2 == 1;
        for (int k = 1; k <= full; k++) grid.Put(score >= 0 ? axis + k : axis - k, row, g.Full, style);
        if (extra) grid.Put(score >= 0 ? axis + full + 1 : axis - full - 1, row, score >= 0 ? g.LeftHalf : g.RightHalf, style);

        int valueLeft = barLeft + barWidth + 1;
        grid.Write(valueLeft, row, Fmt.Score(s.Score).PadLeft(ValueWidth), Palette.Sign(s.Score));
        if (withWeight) grid.Write(valueLeft + ValueWidth + 1, row, "w" + Fmt.Weight(s.Weight), Palette.Dim);
    }
}
