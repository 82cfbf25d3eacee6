using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class TradeTapeSweepTests
{
    [Test]
    public void Add_FastBuysThroughFourLevels_SweepOfFourLevels()
    {
        var tape = new TradeTape(Options());
        long t = T0;
        tape.Add(Buy(t, 100, 1), t);
        tape.Add(Buy(t += 20 * Ms, 101, 2), t);
        tape.Add(Buy(t += 20 * Ms, 101, 1), t);
        tape.Add(Buy(t += 20 * Ms, 102, 3), t);
        tape.Add(Buy(t += 20 * Ms, 104, 1), t);

        var sweep = tape.Bursts.LastSweep;
        Assert.That(sweep.HasValue, Is.True);
        Assert.That(sweep.Side, Is.EqualTo(Side.Buy));
        Assert.That(sweep.Levels, Is.EqualTo(4));
        Assert.That(sweep.TicksMoved, Is.EqualTo(4));
        Assert.That(sweep.Lots, Is.EqualTo(8));
        Assert.That(sweep.Trades, Is.EqualTo(5));
        Assert.That(sweep.StartNs, Is.EqualTo(T0));
        Assert.That(sweep.LastNs, Is.EqualTo(t));
        Assert.That(tape.Bursts.SweepCount, Is.EqualTo(1));
    }

    [Test]
    public void Add_SellsDownThreeLevels_SellSweep()
    {
        var tape = new TradeTape(Options());
        tape.Add(Sell(T0, 100, 1), T0);
        tape.Add(Sell(T0 + Ms, 99, 1), T0 + Ms);
        tape.Add(Sell(T0 + 2 * Ms, 97, 1), T0 + 2 * Ms);
        Assert.That(tape.Bursts.LastSweep.Side, Is.EqualTo(Side.Sell));
        Assert.That(tape.Bursts.LastSweep.Levels, Is.EqualTo(3));
        Assert.That(tape.Bursts.LastSweep.TicksMoved, Is.EqualTo(3));
    }

    [Test]
    public void Add_GapLongerThanBurstGap_NoSweep()
    {
        var tape = new TradeTape(Options(o => o.SweepMaxGapMs = 100));
        tape.Add(Buy(T0, 100, 1), T0);
        tape.Add(Buy(T0 + 100 * Ms, 101, 1), T0 + 100 * Ms); // gap == max: same burst
        tape.Add(Buy(T0 + 201 * Ms, 102, 1), T0 + 201 * Ms); // gap 101 ms: new burst
        Assert.That(tape.Bursts.LastSweep.HasValue, Is.False);
        Assert.That(tape.Bursts.Current.Levels, Is.EqualTo(1));
    }

    [Test]
    public void Add_OppositeTradeInterrupts_NoSweep()
    {
        var tape = new TradeTape(Options());
        tape.Add(Buy(T0, 100, 1), T0);
        tape.Add(Buy(T0 + Ms, 101, 1), T0 + Ms);
        tape.Add(Sell(T0 + 2 * Ms, 101, 1), T0 + 2 * Ms);
        tape.Add(Buy(T0 + 3 * Ms, 102, 1), T0 + 3 * Ms);
        Assert.That(tape.Bursts.LastSweep.HasValue, Is.False);
    }

    [Test]
    public void Add_ManyPrintsAtOnePrice_OneLevel()
    {
        var tape = new TradeTape(Options());
        for (int i = 0; i < 10; i++) tape.Add(Buy(T0 + i * Ms, 100, 1), T0 + i * Ms);
        Assert.That(tape.Bursts.Current.Levels, Is.EqualTo(1));
        Assert.That(tape.Bursts.Current.Lots, Is.EqualTo(10));
        Assert.That(tape.Bursts.LastSweep.HasValue, Is.False);
    }
}
