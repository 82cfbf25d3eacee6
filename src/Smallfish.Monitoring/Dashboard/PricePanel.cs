using Smallfish.Core.Domain;
using Smallfish.Monitoring.Status;
using Spectre.Console;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// Top-left quadrant: the focused symbol's recent mid prices as a braille line, buy/sell entry and exit markers, and
/// the open position's entry, stop-loss and take-profit as labelled horizontal lines; a line under the chart with the
/// position (or the book state when flat).
/// </summary>
internal sealed class PricePanel : DashboardPanel
{
    private readonly SymbolStatus? _symbol;

    public PricePanel(SymbolStatus? symbol) => _symbol = symbol;

    public override string Title(Glyphs glyphs, int maxWidth)
    {
        if (_symbol is null) return "Price";
        var parts = new List<string> { _symbol.Symbol.Length > 0 ? _symbol.Symbol : "?" };
        BookStatus book = _symbol.Book;
        if (book.Mid is decimal mid) parts.Add(Fmt.Price(mid));
        if (!book.Valid) parts.Add("BOOK " + Fmt.Name(book.InvalidReason));
        else parts.Add(book.SpreadTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "t");
        parts.Add(Fmt.Ms(book.FeedLatencyMs));
        if (_symbol.Regime != VolatilityRegime.Unknown) parts.Add(Fmt.Name(_symbol.Regime));
        return TitleParts.Join(parts, glyphs.Middot, maxWidth);
    }

    public override void Draw(CellGrid grid)
    {
        Glyphs glyphs = grid.Glyphs;
        if (grid.Width <= 0 || grid.Height <= 0) return;
        if (_symbol is null)
        {
            grid.WriteCentered(grid.Height / 2, "no symbols reported", Palette.Dim);
            return;
        }

        int infoRows = grid.Height >= 4 ? 1 : 0;
        int plotRows = grid.Height - infoRows;
        if (infoRows == 1) DrawInfoLine(grid, grid.Height - 1);

        IReadOnlyList<PricePoint> mids = _symbol.RecentMids;
        if (mids.Count == 0)
        {
            grid.WriteCentered(Math.Max(0, plotRows / 2), "no price data yet", Palette.Dim);
            return;
        }

        var levels = PositionLevels();
        double lo = double.MaxValue, hi = double.MinValue;
        foreach (PricePoint p in mids) Widen(ref lo, ref hi, (double)p.Mid);
        long t0 = mids[0].TsNs, t1 = mids[^1].TsNs;
        foreach (PriceMarker m in _symbol.Markers)
        {
            if (m.TsNs >= t0 && m.TsNs <= t1) Widen(ref lo, ref hi, (double)m.Price);
        }
        foreach (var (_, price, _) in levels) Widen(ref lo, ref hi, (double)price);
        (lo, hi) = ChartScale.Pad(lo, hi, 0.04);

        // Price labels on the left when there is room for them.
        int decimals = Math.Min((int)mids[^1].Mid.Scale, 8);
        string hiLabel = Fmt.Price(hi, decimals), loLabel = Fmt.Price(lo, decimals);
        int labelWidth = grid.Width >= 30 && plotRows >= 2 ? Math.Max(hiLabel.Length, loLabel.Length) + 1 : 0;
        int plotWidth = grid.Width - labelWidth;
        if (plotWidth < 2 || plotRows < 1) return;
        if (labelWidth > 0)
        {
            grid.Write(0, 0, hiLabel, Palette.Dim);
            grid.Write(0, plotRows - 1, loLabel, Palette.Dim);
        }

        var canvas = new DotCanvas(plotWidth, plotRows);
        var scale = new ChartScale(t0, t1, lo, hi, canvas.DotsWide, canvas.DotsHigh);

        // Position lines under the price line, their labels over it.
        foreach (var (_, price, style) in levels)
        {
            int row = scale.Row((double)price);
            for (int x = 0; x < plotWidth; x++) grid.Put(labelWidth + x, row, glyphs.Dashed, style);
        }

        for (int i = 0; i < mids.Count; i++)
        {
            int x = scale.X(mids[i].TsNs), y = scale.Y((double)mids[i].Mid);
            if (i == 0) canvas.Set(x, y, Palette.Price);
            else canvas.Line(scale.X(mids[i - 1].TsNs), scale.Y((double)mids[i - 1].Mid), x, y, Palette.Price);
        }
        canvas.CopyTo(grid, labelWidth, 0, glyphs);

        // Markers first known, so that each level label goes to the end of its line (left, else right) that no
        // marker sits on; markers are drawn last and win any remaining clash.
        var markerCells = new HashSet<(int X, int Y)>();
        var markers = new List<(int X, int Y, char C, Style S)>();
        foreach (PriceMarker m in _symbol.Markers)
        {
            if (!scale.Contains(m.TsNs)) continue;
            char c = m.Action == MarkerAction.Exit ? glyphs.Exit : m.Side == Side.Buy ? glyphs.BuyEntry : glyphs.SellEntry;
            int mx = labelWidth + scale.X(m.TsNs) / 2, my = scale.Row((double)m.Price);
            markers.Add((mx, my, c, m.Side == Side.Buy ? Palette.UpBold : Palette.DownBold));
            markerCells.Add((mx, my));
        }

        foreach (var (label, price, style) in levels)
        {
            string text = grid.Fit(label + " " + Fmt.Price(price), plotWidth);
            int row = scale.Row((double)price);
            int left = labelWidth, right = grid.Width - text.Length;
            bool Clear(int from) => !markerCells.Any(c => c.Y == row && c.X >= from && c.X < from + text.Length);
            grid.Write(Clear(left) || !Clear(right) ? left : right, row, text, style);
        }

        foreach (var (mx, my, c, st) in markers) grid.Put(mx, my, c, st);
    }

    private List<(string Label, decimal Price, Style Style)> PositionLevels()
    {
        var levels = new List<(string, decimal, Style)>();
        PositionStatus? p = _symbol?.Position;
        if (p is null) return levels;
        if (p.TakeProfitPrice is decimal tp) levels.Add(("TP", tp, Palette.Up));
        if (p.StopPrice is decimal sl) levels.Add(("SL", sl, Palette.Down));
        levels.Add(("E", p.EntryPrice, Palette.Entry));
        return levels;
    }

    private void DrawInfoLine(CellGrid grid, int row)
    {
        SymbolStatus s = _symbol!;
        var parts = new List<(string Text, Style Style)>();
        if (!s.Book.Valid) parts.Add(("BOOK INVALID: " + Fmt.Name(s.Book.InvalidReason), Palette.DownBold));
        if (s.Position is PositionStatus p)
        {
            string side = p.Side == Side.Buy ? "LONG" : "SHORT";
            parts.Add(($"{side} {Fmt.Qty(p.Qty)} @ {Fmt.Price(p.EntryPrice)}", p.Side == Side.Buy ? Palette.UpBold : Palette.DownBold));
            parts.Add(("uPnL " + Fmt.SignedMoney(p.UnrealizedPnl), Palette.Sign(p.UnrealizedPnl)));
            parts.Add(("(" + Fmt.R(p.UnrealizedR) + ")", Palette.Sign(p.UnrealizedPnl)));
        }
        else if (s.Book.BestBid is decimal bid && s.Book.BestAsk is decimal ask)
        {
            parts.Add(("flat", Palette.Dim));
            parts.Add(($"bid {Fmt.Price(bid)} ask {Fmt.Price(ask)}", Palette.Dim));
        }
        else
        {
            parts.Add(("flat", Palette.Dim));
        }
        if (s.WorkingOrders.Count > 0) parts.Add(($"{grid.Glyphs.Middot.TrimStart()}{s.WorkingOrders.Count} orders", Palette.Dim));

        PartsLine.Write(grid, row, parts);
    }

    private static void Widen(ref double lo, ref double hi, double v)
    {
        if (!double.IsFinite(v)) return;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
}
