using Smallfish.Core.Configuration;
using Smallfish.Core.Grid;

namespace Smallfish.Core.Tests.Grid;

/// <summary>The fee floor of the spacing: a level harvest nets positive after two maker fees at any price.</summary>
public class GridFeeFloorTests
{
    [TestCase(600_000.0, 0.1)]   // BTC at 60 000, tick 0.1
    [TestCase(30_000.0, 0.01)]   // ETH at 3 000, tick 0.01
    [TestCase(1000.0, 0.1)]      // 100.0, tick 0.1
    [TestCase(1_234_567.0, 0.01)]
    public void FeeAwareSpacing_DefaultOptions_HarvestNetsMoreThanTwoMakerFees(double centerTicks, double tickSize)
    {
        var o = new MultigridOptions();
        long floor = GridPlanner.FeeFloorTicks(o.MakerFeeBps, o.MinEdgeBps, centerTicks);
        long spacing = GridPlanner.FeeAwareSpacing(o.SpacingTicks, floor, 0);

        double price = centerTicks * tickSize;
        double gross = spacing * tickSize;               // one unit, buy at the level, sell one spacing higher
        double fees = 2 * o.MakerFeeBps * 1e-4 * price;  // entry and exit, both maker
        Assert.That(gross - fees, Is.GreaterThanOrEqualTo(o.MinEdgeBps * 1e-4 * price * 0.999), "net edge of one harvest");
    }

    [Test]
    public void FeeFloorTicks_BtcAt60000_Is360Ticks() =>
        Assert.That(GridPlanner.FeeFloorTicks(2.0, 2.0, 600_000), Is.EqualTo(360));

    [Test]
    public void FeeAwareSpacing_WantedAboveFloor_WantedWins() =>
        Assert.That(GridPlanner.FeeAwareSpacing(500, 360, 396), Is.EqualTo(500));

    [TestCase(360, 396, 396)] // placed spacing within [floor, 1.25 floor]: kept (levels keep their lattice)
    [TestCase(330, 396, 396)]
    [TestCase(400, 396, 440)] // the floor rose above it: 10 % above the new floor
    [TestCase(300, 396, 330)] // the floor fell by a quarter: re-set
    [TestCase(360, 0, 396)]   // nothing placed yet
    public void FeeAwareSpacing_FloorBinds_StickyWithinAQuarter(long floor, long placed, long expected) =>
        Assert.That(GridPlanner.FeeAwareSpacing(10, floor, placed), Is.EqualTo(expected));

    [Test]
    public void FeeFloorTicks_Rebate_AtLeastOneTick() =>
        Assert.That(GridPlanner.FeeFloorTicks(-2.5, 1.0, 600_000), Is.EqualTo(1));
}
