using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Tests.Grid;

/// <summary>The grid's arithmetic: pure functions, no venue.</summary>
public class GridPlannerTests
{
    private static readonly InstrumentSpec Spec = GridHarness.Spec;

    private static GridPlanRequest Request(long center = 1000, long spacing = 10, int levels = 3, long lots = 2, long inventory = 0, long maxInventory = 100) =>
        new(center, spacing, levels, lots, inventory, maxInventory, 0, 0, 0, 0, 0, 0, 0, 0, Spec);

    private static GridLevel[] Plan(in GridPlanRequest request, long[]? occupiedBuy = null, long[]? occupiedSell = null)
    {
        var buffer = new GridLevel[2 * request.Levels];
        int n = GridPlanner.PlanLevels(request, occupiedBuy ?? [], occupiedSell ?? [], buffer);
        return buffer[..n];
    }

    private static string Prices(IEnumerable<GridLevel> levels) => string.Join(" ", levels.Select(l => $"{(l.Side == Side.Buy ? "b" : "s")}{l.PriceTicks}x{l.Lots}"));

    [Test]
    public void PlanLevels_FlatGrid_BuysBelowAndSellsAboveTheCenterNearestFirst()
    {
        var levels = Plan(Request());

        Assert.That(Prices(levels), Is.EqualTo("b990x2 b980x2 b970x2 s1010x2 s1020x2 s1030x2"));
        Assert.That(levels.Select(l => l.Index), Is.EqualTo(new[] { -1, -2, -3, 1, 2, 3 }));
    }

    [Test]
    public void PlanLevels_LongInventoryNearTheCap_DropsTheBuysThatWouldExceedItButKeepsTheSells()
    {
        // Long 4 lots, cap 8: two more buy levels of 2 fit the worst case (4 + 2 + 2 = 8); the third would make 10.
        var levels = Plan(Request(inventory: 4, maxInventory: 8));

        Assert.That(Prices(levels.Where(l => l.Side == Side.Buy)), Is.EqualTo("b990x2 b980x2"));
        Assert.That(levels.Count(l => l.Side == Side.Sell), Is.EqualTo(3), "sells reduce a long first: the short worst case is only the sell levels");
    }

    [Test]
    public void PlanLevels_ReservedTakeProfitLots_CountTowardTheCapOfTheirSide()
    {
        // Short 4 with buy take-profits of 4 working: worst long = -4 + 4 = 0, so all buys fit a cap of 6; worst short = 4.
        var request = Request(inventory: -4, maxInventory: 6) with { ReservedBuyLots = 4, BuyTakeProfitLowTicks = 1000, BuyTakeProfitHighTicks = 1010 };

        var levels = Plan(request);

        Assert.That(Prices(levels), Is.EqualTo("b990x2 b980x2 b970x2 s1020x2"), "sells only above the highest buy take-profit (1010), and one fits the cap 6 - 4");
    }

    [Test]
    public void PlanLevels_PartlyFilledWorkingLevel_IsNotCountedTwiceAgainstTheCap()
    {
        // The buy at 990 (2 lots) has filled 1 and keeps working; inventory 1, cap 6: the plan keeps 990 at full size
        // (1 of it is already inventory) and still has room for 980 and 970.
        var levels = Plan(Request(inventory: 1, maxInventory: 6) with { WorkingLevelFilledBuyLots = 1 });

        Assert.That(Prices(levels.Where(l => l.Side == Side.Buy)), Is.EqualTo("b990x2 b980x2 b970x2"));
        Assert.That(Prices(Plan(Request(inventory: 1, maxInventory: 6)).Where(l => l.Side == Side.Buy)), Is.EqualTo("b990x2 b980x2"), "counted twice it would not fit");
    }

    [Test]
    public void PlanLevels_OccupiedLevel_IsNotReArmedUntilItsTakeProfitFills()
    {
        var levels = Plan(Request() with { SellTakeProfitLowTicks = 1000, SellTakeProfitHighTicks = 1000 }, occupiedBuy: [990]);

        Assert.That(Prices(levels), Is.EqualTo("b980x2 b970x2 s1010x2 s1020x2 s1030x2"));
    }

    [Test]
    public void PlanLevels_BelowMinimumNotional_LevelIsLeftOut()
    {
        var spec = new InstrumentSpec("TESTUSDT", 0.1m, 1m, 1m, 98m); // 1 lot at 98.0 is 98 USDT: the third buy (97.0) misses it
        var levels = Plan(Request(lots: 1) with { Spec = spec });

        Assert.That(Prices(levels), Is.EqualTo("b990x1 b980x1 s1010x1 s1020x1 s1030x1"));
    }

    [TestCase(10_000, 2.0, 1000, 2)]   // 200 USDT at 100.0
    [TestCase(10_000, 2.5, 1000, 2)]   // 250 USDT: 2.5 lots rounds down
    [TestCase(10_000, 0.04, 1000, 0)]  // 4 USDT: below one lot
    [TestCase(100_000, 0.15, 1000, 1)] // 150 USDT: 1.5 lots
    public void LotsPerLevel_PercentOfEquity_RoundsDownAndRespectsMinimums(decimal equity, double pct, long price, long expected)
    {
        Assert.That(GridPlanner.LotsPerLevel(equity, pct, price, Spec), Is.EqualTo(expected));
    }

    [Test]
    public void LotsPerLevel_BelowMinNotional_IsZeroRatherThanSizedUp()
    {
        var spec = new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 100m);
        Assert.Multiple(() =>
        {
            Assert.That(GridPlanner.LotsPerLevel(10_000m, 0.9, 600_000, spec), Is.EqualTo(0), "90 USDT < min notional 100");
            Assert.That(GridPlanner.LotsPerLevel(10_000m, 2.0, 600_000, spec), Is.EqualTo(3), "200 USDT at 60000 = 0.0033 BTC -> 3 lots");
        });
    }

    [Test]
    public void SpacingTicks_FixedMode_IsTheConfiguredTicks()
    {
        Assert.That(GridPlanner.SpacingTicks(GridSpacingMode.Ticks, 10, 0.5, 60, rvBpsPerSqrtSecond: 5, midTicks: 1000, minTicks: 1, maxTicks: 1000), Is.EqualTo(10));
    }

    [Test]
    public void SpacingTicks_VolatilityMode_IsMultipleTimesSigmaOverTheHorizonInTicks()
    {
        // sigma(60 s) = 2 bps/sqrt(s) x sqrt(60) = 15.49 bps; of a 600000-tick mid that is 929.5 ticks; x 0.5 = 464.8 -> 465.
        long spacing = GridPlanner.SpacingTicks(GridSpacingMode.Volatility, 10, 0.5, 60, 2.0, 600_000, 1, 100_000);
        double expected = 0.5 * 2.0 * Math.Sqrt(60) * 1e-4 * 600_000;

        Assert.That(spacing, Is.EqualTo((long)Math.Round(expected)));
    }

    [TestCase(0.0, 10)]        // no volatility measured yet: the fixed spacing
    [TestCase(1e-9, 3)]        // a floor of 3 ticks
    [TestCase(500.0, 2000)]    // capped
    public void SpacingTicks_VolatilityMode_FallsBackAndIsClamped(double rv, long expected)
    {
        Assert.That(GridPlanner.SpacingTicks(GridSpacingMode.Volatility, 10, 1.0, 60, rv, 600_000, minTicks: 3, maxTicks: 2000), Is.EqualTo(expected));
    }

    [Test]
    public void SpacingTicks_FromFeatures_ReadsTheLongWindowVolatilityAndMid()
    {
        var options = new MultigridOptions { SpacingMode = GridSpacingMode.Volatility, SpacingVolatilityMultiple = 1.0, SpacingVolatilityHorizonSeconds = 100 };
        var features = new MarketFeatures { RvLongBps = 1.0, MidTicks = 50_000 };

        Assert.That(GridPlanner.SpacingTicks(options, features), Is.EqualTo(50)); // 1 bp x 10 = 10 bps of 50000 ticks
    }

    [TestCase(GridCenterSource.Mid, 1000.5)]
    [TestCase(GridCenterSource.Vwap, 990.25)]
    [TestCase(GridCenterSource.SessionVwap, 1010.75)]
    public void CenterTicks_EachSource_ReadsItsFeature(GridCenterSource source, double expected)
    {
        var features = new MarketFeatures { MidTicks = 1000.5, VwapRollingTicks = 990.25, VwapSessionTicks = 1010.75 };
        Assert.That(GridPlanner.CenterTicks(source, features), Is.EqualTo(expected));
    }

    [Test]
    public void CenterTicks_NoValueYet_IsNaN()
    {
        Assert.That(GridPlanner.CenterTicks(GridCenterSource.Vwap, new MarketFeatures { VwapRollingTicks = double.NaN }), Is.NaN);
        Assert.That(GridPlanner.CenterTicks(GridCenterSource.Mid, new MarketFeatures()), Is.NaN);
    }

    [TestCase(1, 0.8, 0.5, 0.4)]
    [TestCase(-1, 0.8, 0.5, -0.4)]
    [TestCase(0, 0.8, 0.5, 0.0)]
    [TestCase(1, 1.7, 0.5, 0.5)]      // confidence clamped to 1
    [TestCase(1, 0.9, 10.0, 3.0)]     // bounded by the levels (3)
    [TestCase(-1, 1.0, 10.0, -3.0)]
    public void BiasLevels_SignalDirectionAndConfidence_ShiftBoundedByTheLevels(int direction, double confidence, double strength, double expected)
    {
        Assert.That(GridPlanner.BiasLevels(strength, direction, confidence, levels: 3), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void BiasedCenter_BullishSignal_ShiftsTheLevelsUp()
    {
        double center = GridPlanner.BiasedCenter(1000, GridPlanner.BiasLevels(1.0, 1, 0.6, 3), 10);
        GridPlanner.TryRecenter(0, 0, center, 10, 2, out long placed);

        var levels = Plan(Request(center: placed));

        Assert.That(placed, Is.EqualTo(1006));
        Assert.That(Prices(levels), Is.EqualTo("b996x2 b986x2 b976x2 s1016x2 s1026x2 s1036x2"));
    }

    [Test]
    public void TryRecenter_FirstPlacement_RoundsTheTarget()
    {
        Assert.That(GridPlanner.TryRecenter(0, 0, 1000.5, 10, 2, out long center), Is.True);
        Assert.That(center, Is.EqualTo(1001));
    }

    [TestCase(1019.9, false, 1000)]  // within 2 levels: nothing moves
    [TestCase(1020.0, false, 1000)]  // "more than" the threshold
    [TestCase(1021.0, true, 1020)]   // 2.1 levels: moves 2 whole levels
    [TestCase(1026.0, true, 1030)]   // 2.6 levels: 3 levels
    [TestCase(974.0, true, 970)]
    public void TryRecenter_SameSpacing_MovesByWholeLevelsOnlyBeyondTheThreshold(double target, bool moved, long expected)
    {
        Assert.That(GridPlanner.TryRecenter(1000, 10, target, 10, 2.0, out long center), Is.EqualTo(moved));
        Assert.That(center, Is.EqualTo(expected));
    }

    [Test]
    public void TryRecenter_SpacingChanged_TakesTheRoundedTarget()
    {
        Assert.That(GridPlanner.TryRecenter(1000, 10, 1033.4, 12, 2.0, out long center), Is.True);
        Assert.That(center, Is.EqualTo(1033));
    }

    [Test]
    public void TryRecenter_FractionalThreshold_UsesThatFractionOfTheSpacing()
    {
        Assert.That(GridPlanner.TryRecenter(1000, 10, 1006, 10, 0.5, out long center), Is.True);
        Assert.That(center, Is.EqualTo(1010));
        Assert.That(GridPlanner.TryRecenter(1000, 10, 1004, 10, 0.5, out _), Is.False);
    }
}
