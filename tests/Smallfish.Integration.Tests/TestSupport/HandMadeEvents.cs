using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>A hand-made event stream covering every kind, both exchanges' sequencing fields and edge values.</summary>
internal static class HandMadeEvents
{
    public const long T0 = 1_786_310_820_000_000_000;

    public static List<RecordedInstrument> Instruments() =>
    [
        new(0, new InstrumentSpec("BTCUSDT", 0.10m, 0.001m, 0.001m, 5m)),
        new(1, new InstrumentSpec("ETHUSDT", 0.01m, 0.01m, 0.01m, 5m)),
        new(3, new InstrumentSpec("1000PEPEUSDT", 0.0000001m, 1m, 1m, 5m)), // ids need not be contiguous
    ];

    public static MarketEventList Create(int repeat = 1)
    {
        var list = new MarketEventList();
        var b = new BookUpdate();
        for (int r = 0; r < repeat; r++)
        {
            long t = T0 + r * 1_000_000_000L;
            // Bybit-style snapshot then deltas: u and seq, no U/pu.
            b.Reset();
            b.SymbolId = 0;
            b.Kind = BookUpdateKind.Snapshot;
            b.LastUpdateId = 1 + r * 10;
            b.Sequence = 753_843_990_926 + r;
            b.ExchTsNs = t;
            b.LocalTsNs = t + 1_234_567;
            for (int i = 0; i < 50; i++) b.Bids.Add(651_350 - i * 3, 1 + i * 7);
            for (int i = 0; i < 50; i++) b.Asks.Add(651_351 + i, 1_000_000 + i);
            list.Add(b);

            b.Reset();
            b.SymbolId = 0;
            b.Kind = BookUpdateKind.Delta;
            b.LastUpdateId = 2 + r * 10;
            b.Sequence = 753_843_990_930 + r;
            b.ExchTsNs = t + 20_000_000;
            b.LocalTsNs = t + 19_000_000; // local before exchange: clocks disagree
            b.Asks.Add(651_355, 0); // a removal
            list.Add(b);

            // Binance-style delta: U, u, pu, no seq; an empty side.
            b.Reset();
            b.SymbolId = 1;
            b.Kind = BookUpdateKind.Delta;
            b.FirstUpdateId = 4_984_033_952_965;
            b.LastUpdateId = 4_984_033_952_967;
            b.PrevUpdateId = 4_984_033_632_869;
            b.ExchTsNs = t + 21_000_000;
            b.LocalTsNs = 0; // no local stamp
            b.Bids.Add(306_000, 20_327);
            b.Bids.Add(1, 5); // a far-from-touch level
            list.Add(b);

            // An empty book message.
            b.Reset();
            b.SymbolId = 3;
            b.LastUpdateId = long.MaxValue;
            b.ExchTsNs = t + 22_000_000;
            list.Add(b);

            list.Add(new TradeEvent(0, t + 30_000_000, t + 31_000_000, 651_351, 9, Side.Buy, 5_182_005_737, TradeFlags.None));
            list.Add(new TradeEvent(0, t + 30_000_000, t + 31_000_001, 651_349, 1, Side.Sell, 5_182_005_738, TradeFlags.Liquidation | TradeFlags.Block));
            list.Add(new TradeEvent(3, t + 30_500_000, t + 31_500_000, long.MaxValue, long.MaxValue, Side.Sell, long.MinValue, TradeFlags.None));
            list.Add(new TradeEvent(1, long.MinValue, long.MaxValue, -5, 0, Side.Buy, -1, TradeFlags.None)); // nonsense values still round-trip

            list.Add(new BboEvent(1, t + 40_000_000, t + 40_100_000, 4_984_033_952_968, 306_000, 20_327, 306_001, 5_262));
            list.Add(new BboEvent(1, t + 40_000_001, t + 40_100_002, 4_984_033_952_969, 306_002, 1, 305_999, 2)); // crossed quote

            list.Add(new TickerEvent(0, t + 50_000_000, t + 50_500_000, 65_114.3, 65_117.44, 65_137.76, 0.0001, 1_786_320_000_000_000_000, 1_142_118_412.9021, 0.001624));
            list.Add(new TickerEvent(1, t + 50_000_000, t + 50_500_000, double.NaN, double.PositiveInfinity, -0.0, double.Epsilon, 0, double.MaxValue, BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF)));
        }
        return list;
    }
}
