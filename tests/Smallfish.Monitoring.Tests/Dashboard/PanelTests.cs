using Smallfish.Core.Domain;
using Smallfish.Core.Signals;
using Smallfish.Monitoring.Dashboard;
using Smallfish.Monitoring.Status;
using Spectre.Console;

namespace Smallfish.Monitoring.Tests.Dashboard;

/// <summary>What each panel draws where, and in which colour, checked cell by cell.</summary>
public class PanelTests
{
    private static bool IsBraille(char c) => c is > '\u2800' and <= '\u28ff';

    [Test]
    public void EquityPanel_CurveAboveStart_IsGreenAndBelowIsRed()
    {
        var account = new AccountStatus { StartingEquity = 1000m, Equity = 1010m, PeakEquity = 1010m };
        EquityPoint[] curve = [new(0, 1000m), new(10, 980m), new(20, 970m), new(30, 990m), new(40, 1020m), new(50, 1030m), new(60, 1010m)];
        var grid = new CellGrid(40, 12);

        new EquityPanel(account, curve).Draw(grid);

        int startRow = Enumerable.Range(0, grid.Height).Single(y => grid.RowText(y).Contains("start 1,000.00", StringComparison.Ordinal));
        int green = 0, red = 0;
        for (int y = 0; y < grid.Height; y++)
        {
            for (int x = 0; x < grid.Width; x++)
            {
                if (!IsBraille(grid.CharAt(x, y)) || y == startRow) continue;
                Color fg = grid.StyleAt(x, y).Foreground;
                if (y < startRow)
                {
                    Assert.That(fg, Is.EqualTo(Color.Green), $"cell {x},{y} above the start line");
                    green++;
                }
                else
                {
                    Assert.That(fg, Is.EqualTo(Color.Red), $"cell {x},{y} below the start line");
                    red++;
                }
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(green, Is.GreaterThan(0), "cells above the start line");
            Assert.That(red, Is.GreaterThan(0), "cells below the start line");
        });
    }

    [Test]
    public void TradesPanel_WinsRiseGreenAndLossesHangRed()
    {
        TradeInfo[] trades = [Trade(2m), Trade(-1m), Trade(4m), Trade(-2m)];
        var grid = new CellGrid(50, 9);

        new TradesPanel(trades).Draw(grid);

        // Bars are 3 wide with a gap: trade k starts at column 4k.
        int[] tops = new int[4], bottoms = new int[4];
        for (int k = 0; k < 4; k++)
        {
            var rows = Enumerable.Range(1, grid.Height - 1).Where(y => grid.CharAt(4 * k, y) != ' ').ToList();
            Assert.That(rows, Is.Not.Empty, $"trade {k} has a bar");
            tops[k] = rows.Min();
            bottoms[k] = rows.Max();
            Color expected = trades[k].NetPnl > 0 ? Color.Green : Color.Red;
            Assert.That(rows.All(y => grid.StyleAt(4 * k, y).Foreground == expected), Is.True, $"trade {k} colour");
        }
        Assert.Multiple(() =>
        {
            Assert.That(bottoms[0], Is.LessThan(tops[1]), "a win sits above a loss");
            Assert.That(tops[2], Is.LessThan(tops[0]), "the bigger win is taller");
            Assert.That(bottoms[3], Is.GreaterThan(bottoms[1]), "the bigger loss hangs lower");
            Assert.That(grid.RowText(0), Does.StartWith("last -2.00 (-1.00R) BTCUSDT long stopLoss"));
        });
    }

    [Test]
    public void SignalsPanel_NegativeScoresGoLeftRedAndPositiveRightGreen()
    {
        var symbol = new SymbolStatus
        {
            Symbol = "BTCUSDT",
            Fusion = new FusionStatus
            {
                Signals =
                [
                    new SignalScore { Name = SignalId.Obi, Score = 0.8, Active = true, Weight = 0.3 },
                    new SignalScore { Name = SignalId.Prt, Score = -0.6, Active = true, Weight = 0.2 },
                    new SignalScore { Name = SignalId.Ltb, Score = 0, Active = false, Weight = 0.1 },
                ],
            },
        };
        var grid = new CellGrid(50, 6);

        new SignalsPanel(symbol).Draw(grid);

        int axis = grid.RowText(0).IndexOf('\u2502', StringComparison.Ordinal);
        (int Left, int Right) Extent(int row)
        {
            var cols = Enumerable.Range(0, grid.Width).Where(x => grid.CharAt(x, row) is '\u2588' or '\u258c' or '\u2590').ToList();
            return cols.Count == 0 ? (axis, axis) : (cols.Min(), cols.Max());
        }
        var obi = Extent(0);
        var prt = Extent(1);
        var ltb = Extent(2);

        Assert.Multiple(() =>
        {
            Assert.That(grid.RowText(0), Does.StartWith("OBI").And.Contain("+0.80").And.Contain("w.30"));
            Assert.That(obi.Left, Is.GreaterThan(axis));
            Assert.That(grid.StyleAt(obi.Right, 0).Foreground, Is.EqualTo(Color.Green));
            Assert.That(prt.Right, Is.LessThan(axis));
            Assert.That(grid.StyleAt(prt.Left, 1).Foreground, Is.EqualTo(Color.Red));
            Assert.That(obi.Right - axis, Is.GreaterThan(axis - prt.Left), "0.8 reaches further than 0.6");
            Assert.That(ltb, Is.EqualTo((axis, axis)), "a zero score draws no bar");
            Assert.That(grid.RowText(grid.Height - 1), Does.StartWith("fused"));
        });
    }

    [Test]
    public void PricePanel_PositionLevelsAreOrderedByPrice()
    {
        var symbol = new SymbolStatus
        {
            Symbol = "BTCUSDT",
            Book = new BookStatus { Valid = true, Mid = 100.05m, BestBid = 100.0m, BestAsk = 100.1m, SpreadTicks = 1 },
            RecentMids = [new(0, 100.05m), new(10, 100.25m), new(20, 99.85m), new(30, 100.05m)],
            Markers = [new(10, 100.2m, Side.Buy, MarkerAction.Entry), new(30, 100.1m, Side.Sell, MarkerAction.Exit)],
            Position = new PositionStatus { Side = Side.Buy, Qty = 1m, EntryPrice = 100.2m, StopPrice = 99.5m, TakeProfitPrice = 101.2m },
        };
        var grid = new CellGrid(60, 14);

        new PricePanel(symbol).Draw(grid);

        int Row(string label) => Enumerable.Range(0, grid.Height).Single(y => grid.RowText(y).Contains(label, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Row("TP 101.2"), Is.LessThan(Row("E 100.2")));
            Assert.That(Row("E 100.2"), Is.LessThan(Row("SL 99.5")));
            Assert.That(Enumerable.Range(0, grid.Height).Count(y => grid.RowText(y).Contains('\u25b2', StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(grid.RowText(grid.Height - 1), Does.StartWith("LONG 1 @ 100.2"));
        });
    }

    private static TradeInfo Trade(decimal pnl) => new()
    {
        Symbol = "BTCUSDT",
        Side = Side.Buy,
        EntryPrice = 100m,
        ExitPrice = 100m + pnl,
        Qty = 1m,
        NetPnl = pnl,
        RMultiple = (double)pnl / 2,
        ExitReason = pnl > 0 ? ExitReason.TakeProfit : ExitReason.StopLoss,
    };
}
