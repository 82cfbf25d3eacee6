using Smallfish.Core.Domain;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>The dashboard in a console too small for the 2x2 layout: the key figures, one per line, as many as fit.</summary>
internal static class CompactView
{
    public static void Draw(CellGrid grid, StatusSnapshot? s, string? notice, SymbolStatus? focus)
    {
        var lines = new List<(string Text, Spectre.Console.Style Style)>();
        if (!string.IsNullOrEmpty(notice)) lines.Add((notice, Palette.Warn));
        if (s is null)
        {
            lines.Add(("SMALLFISH: waiting for the service", Palette.Dim));
        }
        else
        {
            if (s.KillSwitch.Tripped) lines.Add(("KILL " + Fmt.Name(s.KillSwitch.Reason), Palette.Alarm));
            if (!s.Heartbeat.EngineAlive) lines.Add(("ENGINE STALLED", Palette.Alarm));
            else if (s.Heartbeat.FeedStale) lines.Add(("FEED STALE", Palette.Alarm));
            lines.Add(("eq " + Fmt.Money(s.Account.Equity) + " DD " + Fmt.Pct(s.Account.DrawdownPct), Palette.Bold));
            lines.Add(("day " + Fmt.SignedMoney(s.Account.DailyPnl) + " " + Fmt.R(s.Account.DailyR), Palette.Sign(s.Account.DailyPnl)));
            if (focus is not null)
            {
                string mid = focus.Book.Mid is decimal m ? " " + Fmt.Price(m) : "";
                lines.Add((focus.Symbol + mid, focus.Book.Valid ? Palette.Plain : Palette.Down));
                if (focus.Position is PositionStatus p)
                {
                    lines.Add(((p.Side == Side.Buy ? "LONG " : "SHORT ") + Fmt.SignedMoney(p.UnrealizedPnl), Palette.Sign(p.UnrealizedPnl)));
                }
            }
            if (s.RecentTrades.Count > 0)
            {
                TradeInfo last = s.RecentTrades[^1];
                lines.Add(("last " + Fmt.SignedMoney(last.NetPnl), Palette.Sign(last.NetPnl)));
            }
            lines.Add(("mode " + Fmt.Name(s.Service.Mode), Palette.Dim));
        }
        for (int i = 0; i < lines.Count && i < grid.Height; i++)
        {
            grid.Write(0, i, grid.Fit(lines[i].Text, grid.Width), lines[i].Style);
        }
    }
}
