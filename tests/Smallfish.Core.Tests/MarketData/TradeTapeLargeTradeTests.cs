using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Tape;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class TradeTapeLargeTradeTests
{
    private static TradeTape TapeWithSmallTrades(int count, out long now)
    {
        var tape = new TradeTape(Options());
        now = T0;
        for (int i = 0; i < count; i++)
        {
            now += 10 * Ms;
            tape.Add(i % 2 == 0 ? Buy(now, 100, 1) : Sell(now, 100, 1), now);
        }
        return tape;
    }

    [Test]
    public void Add_BeforeMinSamples_NothingIsLarge()
    {
        var tape = TapeWithSmallTrades(5, out long now);
        Assert.That(tape.Add(Buy(now + Ms, 100, 1_000), now + Ms), Is.False);
        Assert.That(tape.LargeTrades.ThresholdLots, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void Add_OrderAboveRecentDistribution_FlaggedAndRemembered()
    {
        var tape = TapeWithSmallTrades(50, out long now);
        Assert.That(tape.LargeTrades.ThresholdLots, Is.EqualTo(2));

        Assert.That(tape.Add(Sell(now + 5 * Ms, 99, 1), now + 5 * Ms), Is.False);
        Assert.That(tape.Add(Sell(now + 10 * Ms, 98, 40), now + 10 * Ms), Is.True);
        Assert.That(tape.LargeTrades.Recent.Count, Is.EqualTo(1));
        var large = tape.LargeTrades.Recent.Newest;
        Assert.That(large.Side, Is.EqualTo(Side.Sell));
        Assert.That(large.QtyLots, Is.EqualTo(40));
        Assert.That(large.PriceTicks, Is.EqualTo(98));
        Assert.That(large.TsNs, Is.EqualTo(now + 10 * Ms));
    }

    [Test]
    public void Add_PrintsOfOneTakerOrder_AggregatedIntoOneLargeOrder()
    {
        var tape = TapeWithSmallTrades(50, out long now);
        long ts = now + 10 * Ms;
        // One market buy matched three makers: three prints with the same exchange time.
        Assert.That(tape.Add(Buy(ts, 100, 1), ts), Is.False, "1 lot alone is not large");
        Assert.That(tape.Add(Buy(ts, 101, 1), ts), Is.True, "2 lots reach the threshold");
        Assert.That(tape.Add(Buy(ts, 102, 3), ts), Is.False, "already flagged");
        Assert.That(tape.LargeTrades.LargeCount, Is.EqualTo(1));
        Assert.That(tape.LargeTrades.Recent.Newest.QtyLots, Is.EqualTo(5));
        Assert.That(tape.LargeTrades.Recent.Newest.PriceTicks, Is.EqualTo(100));
    }

    [Test]
    public void Add_SameTimestampOtherSide_IsAnotherOrder()
    {
        var tape = TapeWithSmallTrades(50, out long now);
        long ts = now + 10 * Ms;
        tape.Add(Buy(ts, 100, 1), ts);
        Assert.That(tape.Add(Sell(ts, 100, 1), ts), Is.False);
        Assert.That(tape.LargeTrades.LargeCount, Is.EqualTo(0));
    }

    [Test]
    public void Summarize_LargeOrdersBySideInsideWindow()
    {
        var tape = TapeWithSmallTrades(50, out long now);
        tape.Add(Buy(now + 100 * Ms, 100, 10), now + 100 * Ms);
        tape.Add(Buy(now + 200 * Ms, 100, 20), now + 200 * Ms);
        tape.Add(Sell(now + 300 * Ms, 100, 7), now + 300 * Ms);
        var s = tape.LargeTrades.Summarize(now + 1_100 * Ms, 1_000 * Ms);
        Assert.That(s, Is.EqualTo(new LargeTradeSummary(1, 1, 20, 7)), "the first buy is at now - 1000 ms: outside");
        var all = tape.LargeTrades.Summarize(now + 1_000 * Ms, 5_000 * Ms);
        Assert.That(all, Is.EqualTo(new LargeTradeSummary(2, 1, 30, 7)));
    }

    [Test]
    public void ThresholdLots_DistributionShiftsUp_ThresholdFollows()
    {
        var tape = TapeWithSmallTrades(50, out long now);
        long before = tape.LargeTrades.ThresholdLots;
        for (int i = 0; i < 400; i++)
        {
            now += 10 * Ms;
            tape.Add(Buy(now, 100, 50), now);
        }
        Assert.That(tape.LargeTrades.Samples, Is.EqualTo(200), "lookback keeps the last 200 orders");
        Assert.That(tape.LargeTrades.ThresholdLots, Is.GreaterThan(before));
        Assert.That(tape.LargeTrades.ThresholdLots, Is.GreaterThan(50));
    }
}
