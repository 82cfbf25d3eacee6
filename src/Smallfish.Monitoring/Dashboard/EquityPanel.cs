using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// Top-right quadrant: the equity curve as a braille line, green where it is at or above the starting equity and red
/// below, over a dotted line at the starting equity; a line under it with peak, drawdown and the day's result.
/// </summary>
internal sealed class EquityPanel : DashboardPanel
{
    private readonly AccountStatus? _account;
    private readonly IReadOnlyList<EquityPoint> _curve;

    /// <summary>The panel for <paramref name="account"/> (null while no snapshot arrived) and its equity series.</summary>
    public EquityPanel(AccountStatus? account, IReadOnlyList<EquityPoint> curve)
    {
        _account = account;
        _curve = curve;
    }

    public override string Title(Glyphs glyphs, int maxWidth)
    {
        if (_account is null) return "Equity ";
        var parts = new List<string> { "Equity " + Fmt.Money(_account.Equity) };
        if (_account.StartingEquity > 0)
        {
            double change = (double)((_account.Equity - _account.StartingEquity) / _account.StartingEquity) * 100;
            parts.Add("(" + Fmt.SignedPct(change) + ")");
        }
        return TitleParts.Join(parts, " ", maxWidth);
    }

    public override void Draw(CellGrid grid)
    {
        if (grid.Width <= 0 || grid.Height <= 0) return;
        if (_account is null)
        {
            grid.WriteCentered(grid.Height / 2, "no equity history yet", Palette.Dim);
            return;
        }

        int infoRows = grid.Height >= 4 ? 1 : 0;
        int plotRows = grid.Height - infoRows;
        if (infoRows == 1) DrawInfoLine(grid, grid.Height - 1);

        if (_curve.Count == 0)
        {
            grid.WriteCentered(Math.Max(0, plotRows / 2), "no equity history yet", Palette.Dim);
            return;
        }

        AccountStatus account = _account;
        decimal start = account.StartingEquity;
        bool hasStart = start > 0;
        double lo = double.MaxValue, hi = double.MinValue;
        foreach (EquityPoint p in _curve)
        {
            lo = Math.Min(lo, (double)p.Equity);
            hi = Math.Max(hi, (double)p.Equity);
        }
        if (hasStart)
        {
            lo = Math.Min(lo, (double)start);
            hi = Math.Max(hi, (double)start);
        }
        (lo, hi) = ChartScale.Pad(lo, hi, 0.05);

        string hiLabel = Fmt.Money((decimal)hi), loLabel = Fmt.Money((decimal)lo);
        int labelWidth = grid.Width >= 30 && plotRows >= 2 ? Math.Max(hiLabel.Length, loLabel.Length) + 1 : 0;
        int plotWidth = grid.Width - labelWidth;
        if (plotWidth < 2 || plotRows < 1) return;
        if (labelWidth > 0)
        {
            grid.Write(0, 0, hiLabel, Palette.Dim);
            grid.Write(0, plotRows - 1, loLabel, Palette.Dim);
        }

        var canvas = new DotCanvas(plotWidth, plotRows);
        var scale = new ChartScale(_curve[0].TsNs, _curve[^1].TsNs, lo, hi, canvas.DotsWide, canvas.DotsHigh);
        if (hasStart)
        {
            int row = scale.Row((double)start);
            for (int x = 0; x < plotWidth; x++) grid.Put(labelWidth + x, row, grid.Glyphs.Dotted, Palette.Dim);
        }
        // Each dot is green at or above the starting equity and red below it (high values have small dot rows).
        int startDot = hasStart ? scale.Y((double)start) : int.MaxValue;
        Spectre.Console.Style StyleOf(int dotRow) => dotRow <= startDot ? Palette.Up : Palette.Down;
        for (int i = 0; i < _curve.Count; i++)
        {
            EquityPoint p = _curve[i];
            int x = scale.X(p.TsNs), y = scale.Y((double)p.Equity);
            if (i == 0) canvas.Set(x, y, StyleOf(y));
            else canvas.Line(scale.X(_curve[i - 1].TsNs), scale.Y((double)_curve[i - 1].Equity), x, y, StyleOf);
        }
        canvas.CopyTo(grid, labelWidth, 0, grid.Glyphs);
        if (hasStart && plotWidth >= 16)
        {
            grid.WriteRight(grid.Width - 1, scale.Row((double)start), "start " + Fmt.Money(start), Palette.Dim);
        }
    }

    private void DrawInfoLine(CellGrid grid, int row)
    {
        AccountStatus a = _account!;
        PartsLine.Write(grid, row,
        [
            ("peak " + Fmt.Money(a.PeakEquity), Palette.Dim),
            ("DD " + Fmt.Pct(a.DrawdownPct), Palette.Dim),
            ($"day {Fmt.SignedMoney(a.DailyPnl)} ({Fmt.R(a.DailyR)})", Palette.Sign(a.DailyPnl)),
        ], grid.Glyphs.Middot);
    }
}
