using Smallfish.Monitoring.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// Renders a <see cref="StatusSnapshot"/> as the terminal dashboard: a header line over a 2x2 Spectre layout of
/// price (mids with entry/exit markers and the position's entry, SL and TP lines), equity curve, per-trade P&amp;L
/// bars and signal strengths. Fills exactly the size asked for; adapts the detail to it (a second header line from
/// 30 rows, weights and a trade list when wide, a one-screen summary below <see cref="MinimumWidth"/> x
/// <see cref="MinimumHeight"/>); never throws for a small size or an empty snapshot.
/// </summary>
public sealed class DashboardRenderer
{
    /// <summary>Narrowest console the 2x2 layout is drawn in.</summary>
    public const int MinimumWidth = 40;

    /// <summary>Shortest console the 2x2 layout is drawn in.</summary>
    public const int MinimumHeight = 12;

    private readonly string? _focusSymbol;

    /// <summary>Creates a renderer; <paramref name="focusSymbol"/> picks the symbol the price and signal panels show.</summary>
    /// <param name="focusSymbol">
    /// The symbol to show, or null for the first symbol with an open position, else the first symbol.
    /// </param>
    public DashboardRenderer(string? focusSymbol = null) => _focusSymbol = focusSymbol;

    /// <summary>
    /// The dashboard for <paramref name="snapshot"/> (null while no snapshot arrived) at <paramref name="width"/> x
    /// <paramref name="height"/> cells, with an optional <paramref name="notice"/> in the header (e.g. that the
    /// service is unreachable and the data shown is old).
    /// </summary>
    public IRenderable Render(StatusSnapshot? snapshot, int width, int height, string? notice = null)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        if (width < MinimumWidth || height < MinimumHeight)
        {
            return new FixedSizeView(CellView.Plain(grid => CompactView.Draw(grid, snapshot, notice, FocusOf(snapshot))), width, height);
        }

        SymbolStatus? focus = FocusOf(snapshot);
        StatusSnapshot data = snapshot ?? new StatusSnapshot();
        int headerRows = height >= 30 ? 2 : 1;
        var layout = new Layout("root").SplitRows(
            new Layout("header", CellView.Plain(grid => HeaderBar.Draw(grid, snapshot, notice))).Size(headerRows),
            new Layout("body").SplitRows(
                new Layout("top").SplitColumns(
                    new Layout("price", CellView.Framed(new PricePanel(focus))),
                    new Layout("equity", CellView.Framed(new EquityPanel(snapshot?.Account, data.EquityCurve)))),
                new Layout("bottom").SplitColumns(
                    new Layout("trades", CellView.Framed(new TradesPanel(data.RecentTrades))),
                    new Layout("signals", CellView.Framed(new SignalsPanel(focus))))));
        return new FixedSizeView(layout, width, height);
    }

    /// <summary>Renders straight to <paramref name="console"/> at its current size.</summary>
    public void Write(IAnsiConsole console, StatusSnapshot? snapshot, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Render(snapshot, console.Profile.Width, console.Profile.Height, notice));
    }

    private SymbolStatus? FocusOf(StatusSnapshot? snapshot)
    {
        if (snapshot is null || snapshot.Symbols.Count == 0) return null;
        if (_focusSymbol is not null)
        {
            foreach (SymbolStatus s in snapshot.Symbols)
            {
                if (string.Equals(s.Symbol, _focusSymbol, StringComparison.OrdinalIgnoreCase)) return s;
            }
        }
        foreach (SymbolStatus s in snapshot.Symbols)
        {
            if (s.Position is not null) return s;
        }
        return snapshot.Symbols[0];
    }
}
