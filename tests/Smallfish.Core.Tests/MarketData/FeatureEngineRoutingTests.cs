using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class FeatureEngineRoutingTests
{
    [Test]
    public void OnBookOnTrade_TwoSymbols_EachEventReachesOnlyItsSymbol()
    {
        var engine = new FeatureEngine(Options(), symbolCount: 2);
        var eth = new OrderBook(new InstrumentSpec("ETHUSDT", 0.01m, 0.001m, 0.001m, 0m), symbolId: 1);
        var u = new BookUpdate { Kind = BookUpdateKind.Snapshot, ExchTsNs = T0, LocalTsNs = T0, LastUpdateId = 1 };
        u.Bids.Add(340_000, 9);
        u.Asks.Add(340_001, 1);
        eth.ApplySnapshot(u);
        eth.MarkValidIfUncrossed();

        engine.OnBook(eth, T0);
        engine.OnTrade(new TradeEvent(1, T0 + Ms, T0 + Ms, 340_001, 4, Side.Buy), T0 + Ms);

        Assert.That(engine.Get(1).MidTicks, Is.EqualTo(340_000.5));
        Assert.That(engine.Get(1).Obi, Is.EqualTo(0.8).Within(1e-12));
        Assert.That(engine.Get(1).CvdTotalLots, Is.EqualTo(4));
        Assert.That(engine.Get(0).LastBookNs, Is.EqualTo(0));
        Assert.That(engine.Get(0).CvdTotalLots, Is.EqualTo(0));

        engine.Advance(T0 + 10 * Second);
        Assert.That(engine.Get(0).NowNs, Is.EqualTo(T0 + 10 * Second));
        Assert.That(engine.Get(1).Tps, Is.EqualTo(0));
        Assert.That(engine.Symbol(1).Tape.TotalTrades, Is.EqualTo(1));
    }
}
