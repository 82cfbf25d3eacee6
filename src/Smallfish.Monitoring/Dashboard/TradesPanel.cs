using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// Bottom-left quadrant: one bar per recent trade's net P&amp;L (green wins up, red losses down, newest on the
/// right) under a line describing the last trade; with room, a list of the latest trades beside the bars.
/// </summary>
internal sealed class TradesPanel : DashboardPanel
{
    private const int ListWidth = 24;
    private readonly IReadOnlyList<TradeInfo> _trades;

    public TradesPanel(IReadOnlyList<TradeInfo> trades) => _trades = trades;

    public override string Title(Glyphs glyphs, int maxWidth)
    {
        if (_trades.Count == 0) return "Trades ";
        int wins = 0, losses = 0;
        decimal net = 0;
        foreach (TradeInfo t in _trades)
        {
            net += t.NetPnl;
            if (t.NetPnl > 0) wins++;
            else if (t.NetPnl < 0) losses++;
        }
        string count = _trades.Count.ToString(CultureInfo.InvariantCulture);
        return TitleParts.Join(["Trades " + count, $"{wins}W {losses}L", "net " + Fmt.SignedMoney(net)], glyphs.Middot, maxWidth);
    }

    public override void Draw(CellGrid grid)
    {
        if (grid.Width <= 0 || grid.Height <= 0) return;
        if (_trades.Count == 0)
        {
            grid.WriteCentered(grid.Height / 2, "no trades yet", Palette.Dim);
            return;
        }

        TradeInfo last = _trades[^1];
        string side = last.Side == Side.Buy ? "long" : "short";
        grid.Write(0, 0, grid.Fit($"last {Fmt.SignedMoney(last.NetPnl)} ({Fmt.R(last.RMultiple)}) {last.Symbol} {side} {Fmt.Name(last.ExitReason)}", grid.Width), Palette.Sign(last.NetPnl));

        int top = 1, rows = grid.Height - 1;
        if (rows < 1) return;
        int barsWidth = grid.Width;
        if (grid.Width >= 60 && rows >= 2)
        {
            barsWidth = grid.Width - ListWidth - 1;
            DrawList(grid, barsWidth + 1, top, rows);
        }
        DrawBars(grid, 0, top, barsWidth, rows);
    }

    private void DrawList(CellGrid grid, int left, int top, int rows)
    {
        int shown = Math.Min(rows, _trades.Count);
        for (int i = 0; i < shown; i++)
        {
            TradeInfo t = _trades[_trades.Count - 1 - i];
            string pnl = Fmt.SignedMoney(t.NetPnl).PadLeft(8);
            string r = Fmt.R(t.RMultiple).PadLeft(7);
            grid.Write(left, top + i, grid.Fit($"{pnl}{r} {t.Symbol}", ListWidth), Palette.Sign(t.NetPnl));
        }
    }

    private void DrawBars(CellGrid grid, int left, int top, int width, int rows)
    {
        int count = _trades.Count;
        int barWidth = Math.Clamp(width / count - 1, 1, 3);
        int gap = width >= count * (barWidth + 1) ? 1 : 0;
        int shown = Math.Min(count, Math.Max(1, width / (barWidth + gap)));

        double maxWin = 0, maxLoss = 0;
        for (int i = count - shown; i < count; i++)
        {
            double pnl = (double)_trades[i].NetPnl;
            if (pnl > maxWin) maxWin = pnl;
            if (-pnl > maxLoss) maxLoss = -pnl;
        }

        // Split the rows between wins (up) and losses (down) in proportion, one scale for both.
        int upRows;
        if (maxWin <= 0) upRows = 0;
        else if (maxLoss <= 0) upRows = rows;
        else upRows = Math.Clamp((int)Math.Round(rows * maxWin / (maxWin + maxLoss)), 1, Math.Max(1, rows - 1));
        int downRows = rows - upRows;
        double perRow = Math.Max(upRows > 0 ? maxWin / upRows : 0, downRows > 0 ? maxLoss / downRows : 0);
        if (perRow <= 0) perRow = 1;

        Glyphs g = grid.Glyphs;
        for (int k = 0; k < shown; k++)
        {
            TradeInfo t = _trades[count - shown + k];
            double pnl = (double)t.NetPnl;
            int x0 = left + k * (barWidth + gap);
            int eighths = (int)Math.Round(Math.Abs(pnl) / perRow * 8);
            if (pnl != 0 && eighths == 0) eighths = 1;
            for (int dx = 0; dx < barWidth; dx++)
            {
                if (pnl > 0 && upRows > 0)
                {
                    int baseRow = top + upRows - 1;
                    int full = Math.Min(eighths / 8, upRows);
                    for (int r = 0; r < full; r++) grid.Put(x0 + dx, baseRow - r, g.Full, Palette.Up);
                    if (full < upRows && eighths % 8 > 0) grid.Put(x0 + dx, baseRow - full, g.LowerBlock(eighths % 8), Palette.Up);
                }
                else if (pnl < 0 && downRows > 0)
                {
                    int baseRow = top + upRows;
                    int full = Math.Min(eighths / 8, downRows);
                    for (int r = 0; r < full; r++) grid.Put(x0 + dx, baseRow + r, g.Full, Palette.Down);
                    int rest = eighths % 8;
                    if (full < downRows && rest > 0) grid.Put(x0 + dx, baseRow + full, rest >= 4 ? g.UpperHalf : g.UpperEighth, Palette.Down);
                }
            }
        }
    }
}
