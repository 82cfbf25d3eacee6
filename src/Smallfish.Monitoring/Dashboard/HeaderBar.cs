using System.Globalization;
using Smallfish.Monitoring.Status;
using Spectre.Console;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// The dashboard's top line(s): mode, exchange, profile, equity, the day's P&amp;L, drawdown and the kill switch,
/// plus warnings (stalled engine, stale feed, an unreachable service). Items that do not fit are dropped by
/// priority; a second line, when there is one, sums up every symbol.
/// </summary>
internal static class HeaderBar
{
    private readonly record struct Item(string Text, Style Style, int Priority);

    public static void Draw(CellGrid grid, StatusSnapshot? snapshot, string? notice)
    {
        if (grid.Width <= 0 || grid.Height <= 0) return;
        DrawItems(grid, 0, MainItems(snapshot, notice, grid.Glyphs));
        if (grid.Height >= 2 && snapshot is not null) DrawItems(grid, 1, SymbolItems(snapshot, grid.Glyphs));
    }

    /// <summary>The main line's items in display order.</summary>
    private static List<Item> MainItems(StatusSnapshot? s, string? notice, Glyphs g)
    {
        var items = new List<Item> { new("SMALLFISH", Palette.Bold, 3) };
        if (!string.IsNullOrEmpty(notice)) items.Add(new(notice, Palette.Warn, 12));
        if (s is null)
        {
            items.Add(new("waiting for the service" + g.Ellipsis, Palette.Dim, 2));
            return items;
        }

        ServiceInfo svc = s.Service;
        if (svc.Version.Length > 0) items.Add(new("v" + svc.Version, Palette.Dim, 0));
        if (svc.Mode != ServiceMode.Unknown)
        {
            items.Add(new(Fmt.Name(svc.Mode).ToUpperInvariant(), svc.Mode == ServiceMode.Live ? Palette.Alarm : Palette.Bold, 9));
        }
        if (svc.Exchange is { } exchange) items.Add(new(Fmt.Name(exchange), Palette.Plain, 6));
        if (svc.Profile is { } profile) items.Add(new(Fmt.Name(profile), Palette.Plain, 5));
        if (svc.StartedAtNs != 0) items.Add(new("up " + Fmt.Duration(svc.UptimeMs), Palette.Dim, 1));

        AccountStatus a = s.Account;
        items.Add(new("eq " + Fmt.Money(a.Equity), Palette.Bold, 10));
        items.Add(new($"day {Fmt.SignedMoney(a.DailyPnl)} {Fmt.R(a.DailyR)}", Palette.Sign(a.DailyPnl), 8));
        items.Add(new("DD " + Fmt.Pct(a.DrawdownPct), a.DrawdownPct >= 5 ? Palette.Down : Palette.Plain, 7));
        items.Add(s.KillSwitch.Tripped
            ? new("KILL " + Fmt.Name(s.KillSwitch.Reason), Palette.Alarm, 11)
            : new("kill off", Palette.Up, 10));
        if (!s.Heartbeat.EngineAlive) items.Add(new("ENGINE STALLED " + Fmt.Ms(s.Heartbeat.LastEventAgeMs), Palette.Alarm, 11));
        else if (s.Heartbeat.FeedStale) items.Add(new("FEED STALE", Palette.Alarm, 11));
        return items;
    }

    private static List<Item> SymbolItems(StatusSnapshot s, Glyphs g)
    {
        var items = new List<Item>();
        int priority = s.Symbols.Count;
        foreach (SymbolStatus sym in s.Symbols)
        {
            string text = sym.Symbol;
            if (sym.Book.Mid is decimal mid) text += " " + Fmt.Price(mid);
            text += sym.Book.Valid
                ? $" {sym.Book.SpreadTicks.ToString(CultureInfo.InvariantCulture)}t {Fmt.Ms(sym.Book.FeedLatencyMs)}"
                : " book:" + Fmt.Name(sym.Book.InvalidReason);
            if (sym.Regime != VolatilityRegime.Unknown) text += " " + Fmt.Name(sym.Regime);
            if (sym.Position is not null) text += sym.Position.Side == Smallfish.Core.Domain.Side.Buy ? " LONG" : " SHORT";
            if (sym.Grid is { } grid) text += " grid " + (grid.InventoryQty >= 0 ? "+" : "") + Fmt.Qty(grid.InventoryQty);
            items.Add(new(text, sym.Book.Valid ? Palette.Plain : Palette.Down, priority--));
        }
        return items;
    }

    private static void DrawItems(CellGrid grid, int row, List<Item> items)
    {
        // Fit with the roomy separator, or with a bare one when that keeps more items.
        string wide = grid.Glyphs.Separator, narrow = wide.Trim();
        List<Item> kept = Fit(items, wide, grid.Width);
        string sep = wide;
        List<Item> keptNarrow = Fit(items, narrow, grid.Width);
        if (keptNarrow.Count > kept.Count)
        {
            kept = keptNarrow;
            sep = narrow;
        }

        int x = 0;
        for (int i = 0; i < kept.Count && x < grid.Width; i++)
        {
            if (i > 0) x += grid.Write(x, row, sep, Palette.Dim, grid.Width - x);
            x += grid.Write(x, row, grid.Fit(kept[i].Text, grid.Width - x), kept[i].Style);
        }
    }

    // Drops the least important items until the line fits (the last one standing is cut if it must be).
    private static List<Item> Fit(List<Item> items, string sep, int width)
    {
        var kept = new List<Item>(items);
        while (kept.Count > 1 && Length(kept, sep) > width)
        {
            int lowest = 0;
            for (int i = 1; i < kept.Count; i++)
            {
                if (kept[i].Priority < kept[lowest].Priority) lowest = i;
            }
            kept.RemoveAt(lowest);
        }
        return kept;
    }

    private static int Length(List<Item> items, string sep)
    {
        int n = 0;
        foreach (Item item in items) n += item.Text.Length;
        return n + sep.Length * Math.Max(0, items.Count - 1);
    }
}
