using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.MarketData;

/// <summary>Hand-made books and trades for tape and feature tests. Prices in ticks, sizes in lots, times in ns.</summary>
internal static class MarketTestKit
{
    public const long Ms = 1_000_000;
    public const long Second = 1_000_000_000;

    /// <summary>A start time on a whole second (2023-11-14 22:13:20 UTC).</summary>
    public const long T0 = 1_700_000_000L * Second;

    public static InstrumentSpec Spec() => new("TESTUSDT", 0.1m, 0.001m, 0.001m, 0m);

    public static TradeEvent Buy(long tsNs, long price, long qty) => new(0, tsNs, tsNs, price, qty, Side.Buy);

    public static TradeEvent Sell(long tsNs, long price, long qty) => new(0, tsNs, tsNs, price, qty, Side.Sell);

    /// <summary>Options with the large-trade warm-up shortened so tests need fewer trades.</summary>
    public static MicrostructureOptions Options(Action<MicrostructureOptions>? change = null)
    {
        var o = new MicrostructureOptions { LargeTradeMinSamples = 20, LargeTradeLookbackTrades = 200 };
        change?.Invoke(o);
        return o;
    }

    /// <summary>A valid book with the given levels (price, lots); best bid is the highest bid, best ask the lowest ask.</summary>
    public static OrderBook Book((long Price, long Lots)[] bids, (long Price, long Lots)[] asks, long tsNs = T0)
    {
        var book = new OrderBook(Spec());
        var u = new BookUpdate { Kind = BookUpdateKind.Snapshot, ExchTsNs = tsNs, LocalTsNs = tsNs, LastUpdateId = 1 };
        foreach (var (p, q) in bids) u.Bids.Add(p, q);
        foreach (var (p, q) in asks) u.Asks.Add(p, q);
        book.ApplySnapshot(u);
        book.MarkValidIfUncrossed();
        return book;
    }

    /// <summary>A book with <paramref name="levels"/> levels of <paramref name="lots"/> each side around bid/ask.</summary>
    public static OrderBook Ladder(long bestBid, long bestAsk, int levels, long lots, long tsNs = T0)
    {
        var bids = new (long, long)[levels];
        var asks = new (long, long)[levels];
        for (int i = 0; i < levels; i++)
        {
            bids[i] = (bestBid - i, lots);
            asks[i] = (bestAsk + i, lots);
        }
        return Book(bids, asks, tsNs);
    }

    /// <summary>Applies one delta (absolute sizes; 0 removes) at <paramref name="tsNs"/>.</summary>
    public static void Delta(OrderBook book, long tsNs, params (Side Side, long Price, long Lots)[] levels)
    {
        var u = new BookUpdate { Kind = BookUpdateKind.Delta, ExchTsNs = tsNs, LocalTsNs = tsNs, LastUpdateId = book.LastUpdateId + 1 };
        foreach (var (side, p, q) in levels)
        {
            if (side == Side.Buy) u.Bids.Add(p, q);
            else u.Asks.Add(p, q);
        }
        book.ApplyDelta(u);
    }
}
