using Smallfish.Core.MarketData.Features;
using static Smallfish.Core.Tests.MarketData.MarketTestKit;

namespace Smallfish.Core.Tests.MarketData;

public class GridSeriesTests
{
    [Test]
    public void Set_UpdateExactlyOnGridPoint_SampleThereHoldsTheNewValue()
    {
        var g = new GridSeries(100 * Ms, 16);
        g.Set(T0 + 50 * Ms, 1);
        g.Set(T0 + 200 * Ms, 2);  // on the grid point T0 + 200 ms
        g.Set(T0 + 250 * Ms, 3);
        g.AdvanceTo(T0 + 401 * Ms);
        Assert.That(g.Count, Is.EqualTo(4), "grid points T0+100 .. T0+400 ms");
        Assert.That(g.ValueAt(T0 + 100 * Ms), Is.EqualTo(1));
        Assert.That(g.ValueAt(T0 + 199 * Ms), Is.EqualTo(1));
        Assert.That(g.ValueAt(T0 + 200 * Ms), Is.EqualTo(2));
        Assert.That(g.ValueAt(T0 + 300 * Ms), Is.EqualTo(3));
        Assert.That(g.ValueAt(T0 + 400 * Ms), Is.EqualTo(3));
    }

    [Test]
    public void AdvanceTo_GapLongerThanRing_KeepsLastRingFullOfTheHeldValue()
    {
        var g = new GridSeries(100 * Ms, 8);
        g.Set(T0, 5);
        int added = g.AdvanceTo(T0 + 3_600 * 1_000 * Ms);
        Assert.That(added, Is.EqualTo(8));
        Assert.That(g.Count, Is.EqualTo(8));
        Assert.That(g.NewestTimeNs, Is.EqualTo(T0 + 3_600 * 1_000 * Ms - 100 * Ms));
        Assert.That(g.ValueAt(T0), Is.EqualTo(5), "before the history: the oldest sample");
    }
}
