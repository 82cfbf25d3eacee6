using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Risk;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.Status;

public class GridStatusFactoryTests
{
    private static readonly InstrumentSpec Spec = new("TESTUSDT", 0.1m, 1m, 1m, 5m);

    /// <summary>Center 100.0, spacing 1.0: buy level 99.0 working, sell level 101.0 half filled, the 98.0 buy filled with its take-profit at 99.0 resting.</summary>
    internal static GridState Sample() => new(
        "TESTUSDT", 1, GridMode.Running, GateReason.Pass, GridStopReason.None, 1000, 1001.5, 1000.2, 10, 0.3, 0.15, 2, 0,
        1, 6, 2, 980m, 1.25m, -0.5m, 0.1m, 3, 3, 0.7m, 0, 0,
        [
            new GridLevelSnapshot(GridOrderKind.Level, -1, Side.Buy, 990, 2, 0, GridLevelStatus.Working, "sf1-0-1-G0"),
            new GridLevelSnapshot(GridOrderKind.TakeProfit, -1, Side.Sell, 990, 2, 0, GridLevelStatus.Working, "sf1-0-5-H0"),
            new GridLevelSnapshot(GridOrderKind.Level, 1, Side.Sell, 1010, 2, 1, GridLevelStatus.PartiallyFilled, "sf1-0-4-G0"),
        ],
        [new GridUnitSnapshot(Side.Buy, 980, 980m, 2, 990, 2, 0.04m)]);

    [Test]
    public void From_GridState_LevelsInPriceAndQuantityWithTheirState()
    {
        GridStatus status = GridStatusFactory.From(Sample(), Spec);

        Assert.That(status.CenterPrice, Is.EqualTo(100.0m));
        Assert.That(status.Bias, Is.EqualTo(0.3));
        Assert.That(status.InventoryQty, Is.EqualTo(1m));
        Assert.That(status.RealizedPnl, Is.EqualTo(1.25m));
        Assert.That(status.Levels, Is.EqualTo(new[]
        {
            new GridLevelInfo(-2, 98.0m, Side.Buy, 2m, GridLevelState.TakeProfitWorking),
            new GridLevelInfo(-1, 99.0m, Side.Buy, 2m, GridLevelState.Working),
            new GridLevelInfo(1, 101.0m, Side.Sell, 1m, GridLevelState.Working),
        }));
    }
}
