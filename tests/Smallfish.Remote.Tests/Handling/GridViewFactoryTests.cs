using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.Risk;
using Smallfish.Remote.Handling;

namespace Smallfish.Remote.Tests.Handling;

public class GridViewFactoryTests
{
    private static readonly InstrumentSpec Spec = new("TESTUSDT", 0.1m, 1m, 1m, 5m);

    private static GridState Sample() => new(
        "TESTUSDT", 1, GridMode.Running, GateReason.Pass, GridStopReason.None, 1000, 1001.5, 1000.2, 10, -0.4, -0.2, 2, 0,
        1, 6, 2, 980m, 1.25m, -0.5m, 0.1m, 3, 3, 0.7m, 0, 0,
        [
            new GridLevelSnapshot(GridOrderKind.Level, -1, Side.Buy, 990, 2, 0, GridLevelStatus.Working, "sf1-0-1-G0"),
            new GridLevelSnapshot(GridOrderKind.TakeProfit, -1, Side.Sell, 990, 2, 0, GridLevelStatus.Working, "sf1-0-5-H0"),
            new GridLevelSnapshot(GridOrderKind.Level, 1, Side.Sell, 1010, 2, 0, GridLevelStatus.Working, "sf1-0-4-G0"),
        ],
        [new GridUnitSnapshot(Side.Buy, 980, 980m, 2, 990, 2, 0.04m)]);

    [Test]
    public void From_GridState_ListsWorkingAndFilledLevelsForTheGridReply()
    {
        GridView view = GridViewFactory.From(Sample(), Spec);

        Assert.That((view.Enabled, view.Symbol, view.CenterPrice, view.Bias, view.RealizedPnl), Is.EqualTo((true, "TESTUSDT", 100.0m, -0.4, 1.25m)));
        Assert.That(view.Levels, Is.EqualTo(new[]
        {
            new GridLevelView(Side.Buy, 98.0m, 2m, true),
            new GridLevelView(Side.Buy, 99.0m, 2m, false),
            new GridLevelView(Side.Sell, 101.0m, 2m, false),
        }));
        string text = new RemoteTextFormatter().FormatGrid(view).Text;
        Assert.That(text, Does.Contain("BUY  98.0 x 2 filled"));
        Assert.That(text, Does.Contain("SELL 101.0 x 2"));
    }

    [Test]
    public void Off_IsReportedAsOff()
    {
        Assert.That(new RemoteTextFormatter().FormatGrid(GridViewFactory.Off).Text, Is.EqualTo("Multigrid is off."));
    }
}
