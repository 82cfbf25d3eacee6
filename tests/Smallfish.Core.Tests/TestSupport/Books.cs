using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.TestSupport;

/// <summary>Hand-made book messages and book snapshots for tests.</summary>
internal static class Books
{
    public static readonly InstrumentSpec Spec = new("TESTUSDT", 0.1m, 0.001m, 0.001m, 5m);

    /// <summary>A message with levels given as (price ticks, lots).</summary>
    public static BookUpdate Message(BookUpdateKind kind, long u, (long P, long Q)[] bids, (long P, long Q)[] asks, long first = 0, long prev = 0)
    {
        var m = new BookUpdate { Kind = kind, FirstUpdateId = first, LastUpdateId = u, PrevUpdateId = prev };
        foreach (var (p, q) in bids) m.Bids.Add(p, q);
        foreach (var (p, q) in asks) m.Asks.Add(p, q);
        return m;
    }

    public static BookUpdate Snapshot(long u, (long P, long Q)[] bids, (long P, long Q)[] asks) => Message(BookUpdateKind.Snapshot, u, bids, asks);

    /// <summary>A Bybit-style delta with update id u.</summary>
    public static BookUpdate Delta(long u, (long P, long Q)[] bids, (long P, long Q)[] asks) => Message(BookUpdateKind.Delta, u, bids, asks);

    /// <summary>A Binance-style diff U..u chained on pu.</summary>
    public static BookUpdate Diff(long first, long last, long prev, (long P, long Q)[] bids, (long P, long Q)[] asks) =>
        Message(BookUpdateKind.Delta, last, bids, asks, first, prev);

    /// <summary>All levels of a side, best first.</summary>
    public static (long P, long Q)[] Levels(BookSide side)
    {
        var prices = new long[side.Count];
        var qty = new long[side.Count];
        side.CopyTo(prices, qty);
        var result = new (long, long)[side.Count];
        for (int i = 0; i < result.Length; i++) result[i] = (prices[i], qty[i]);
        return result;
    }

    public static (long P, long Q)[] L(params (long P, long Q)[] levels) => levels;
}
