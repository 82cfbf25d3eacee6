using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Core.Tests.Grid;

/// <summary>What the venue answers that a grid must handle: post-only rejects, partial fills, cancels that come too late.</summary>
public class GridExecutionTests
{
    private static string Id(long sequence, OrderRole role = OrderRole.GridLevel, int attempt = 0) => ClientOrderId.Create(7, 0, sequence, role, attempt);

    private static SimulatedVenueOptions Slow => new()
    {
        Fees = MakerTakerFeeModel.BybitVip0,
        Latency = new ConstantLatencyModel(0, 5 * GridHarness.Ms, 5 * GridHarness.Ms),
    };

    [Test]
    public void PostOnlyReject_Level_IsRePricedOneTickAwayAsTheNextAttemptOfTheSameDecision()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Venue.Faults.RejectNext(1, RejectReason.PostOnlyWouldTake); // the first order: the buy at 990
        h.Quote(1000);
        Assert.That(h.Grid.Snapshot().Orders.Length, Is.EqualTo(5));

        h.Quote(1000);

        var replaced = h.Commands.Placed[^1];
        Assert.That((replaced.ClientOrderId, replaced.Side, replaced.PriceTicks), Is.EqualTo((Id(1, attempt: 1), Side.Buy, 989L)));
        Assert.That(h.Grid.Snapshot().PostOnlyRejects, Is.EqualTo(1));

        int before = h.Commands.Log.Count;
        h.Quote(1000);
        Assert.That(h.Commands.Since(before), Is.Empty, "the re-priced order stands for its level: no churn");
    }

    [Test]
    public void PostOnlyReject_TakeProfit_IsRePricedOneTickFurtherInProfit()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        h.Venue.Faults.RejectNext(1, RejectReason.PostOnlyWouldTake); // the next order out is the first take-profit
        h.WalkTo(991); // 1 lot of the buy at 990 fills

        var rejected = h.Commands.Placed.Single(p => p.Role == OrderRole.GridTakeProfit);
        Assert.That(rejected.PriceTicks, Is.EqualTo(1000));
        ClientOrderId.TryParse(rejected.ClientOrderId, out var parts);

        h.Quote(991, afterNs: GridHarness.Ms);

        var again = h.Commands.Placed[^1];
        Assert.That((again.Role, again.Side, again.PriceTicks, again.QtyLots, again.ReduceOnly), Is.EqualTo((OrderRole.GridTakeProfit, Side.Sell, 1001L, 1L, true)));
        Assert.That(again.ClientOrderId, Is.EqualTo(Id(parts.Sequence, OrderRole.GridTakeProfit, attempt: 1)));
    }

    [Test]
    public void PartialFills_EachPieceGetsItsTakeProfitAndTheyCoverTheInventory()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        h.WalkTo(991); // 4 lots print at 990: 3 to the queue ahead, 1 to the buy

        var state = h.Grid.Snapshot();
        Assert.That(state.InventoryLots, Is.EqualTo(1));
        Assert.That(state.Orders.Single(o => o.Kind == GridOrderKind.Level && o.PriceTicks == 990).Status, Is.EqualTo(GridLevelStatus.PartiallyFilled));
        Assert.That(state.Orders.Single(o => o.Kind == GridOrderKind.TakeProfit).Lots, Is.EqualTo(1));

        h.WalkTo(990); // a print at 989 trades through: the rest fills

        state = h.Grid.Snapshot();
        Assert.That(state.InventoryLots, Is.EqualTo(2));
        Assert.That(state.Units.Single().OpenLots, Is.EqualTo(2));
        Assert.That(state.Units.Single().TakeProfitWorkingLots, Is.EqualTo(2));
        Assert.That(state.Orders.Where(o => o.Kind == GridOrderKind.TakeProfit).Select(o => (o.PriceTicks, o.Lots)), Is.EqualTo(new[] { (1000L, 1L), (1000L, 1L) }));
        Assert.That(state.Orders.Any(o => o.Kind == GridOrderKind.Level && o.PriceTicks == 990), Is.False, "the filled level waits for its take-profit");
    }

    [Test]
    public void CancelOfAnOrderThatAlreadyFilled_OrderNotFoundIsHarmlessAndTheFillIsBooked()
    {
        var h = new GridHarness(GridHarness.Options3x10(o =>
        {
            o.BiasStrength = 2.2;
            o.MaxInventoryLevels = 5;
        }), Slow);
        h.Quote(1000);
        h.Wait(20 * GridHarness.Ms);

        h.TradeAt(989, 10, Side.Sell); // fills the buy at 990 at the venue; the report is 5 ms away
        h.Fusion = GridHarness.Signal(-1, 1.0);
        h.Quote(1000, afterNs: GridHarness.Ms); // re-center down 2 levels: the grid cancels the buy at 990 it thinks is working
        Assert.That(h.Commands.Cancelled, Does.Contain(Id(1)));
        h.Wait(20 * GridHarness.Ms);

        Assert.That(h.Updates.Any(u => u.ClientOrderId == Id(1) && u.Reject == RejectReason.OrderNotFound && u.Status == OrderStatus.Filled), Is.True);
        var state = h.Grid.Snapshot();
        Assert.That(state.InventoryLots, Is.EqualTo(2));
        Assert.That(state.Rejects, Is.Zero);
        Assert.That(state.Orders.Single(o => o.Kind == GridOrderKind.TakeProfit).PriceTicks, Is.EqualTo(1000));
        Assert.That(h.Venue.GetPosition(GridHarness.Symbol).NetLots, Is.EqualTo(2));
    }

    [Test]
    public void TakeProfitThatWouldTake_IsPlacedAtTheTouchInstead()
    {
        var h = new GridHarness(GridHarness.Options3x10(), Slow);
        h.Quote(1000);
        h.Wait(20 * GridHarness.Ms);

        h.TradeAt(989, 10, Side.Sell);           // the buy at 990 fills; its report lands 5 ms later
        h.Quote(1004, afterNs: GridHarness.Ms);  // meanwhile the market jumps above the take-profit price
        h.Wait(20 * GridHarness.Ms);

        var takeProfit = h.Commands.Placed.Single(p => p.Role == OrderRole.GridTakeProfit);
        Assert.That(takeProfit.PriceTicks, Is.EqualTo(1004), "above the bid of 1003: still post-only, and more than one spacing");
    }

    [Test]
    public void FlattenRefused_IsRetriedAfterABriefPauseUntilFlat()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        h.WalkTo(988); // long 2
        h.Venue.Faults.RejectNext(1, RejectReason.Transient);

        h.Grid.Stop();
        h.Wait(GridHarness.Ms);
        Assert.That(h.Grid.InventoryLots, Is.EqualTo(2), "the first flatten was refused");

        h.Quote(988, afterNs: 100 * GridHarness.Ms); // too soon to try again
        Assert.That(h.Commands.Placed.Count(p => p.Type == OrderType.Market), Is.EqualTo(1));
        h.Quote(988, afterNs: 200 * GridHarness.Ms);
        Assert.That(h.Commands.Placed.Count(p => p.Type == OrderType.Market), Is.EqualTo(2));
        Assert.That(h.Grid.InventoryLots, Is.Zero);
        Assert.That(h.Grid.Snapshot().StopReason, Is.EqualTo(GridStopReason.Manual));
    }

    [Test]
    public void FlattenWithNothingToReduceAtTheVenue_StopsRetrying()
    {
        var h = new GridHarness(GridHarness.Options3x10());
        h.Quote(1000);
        h.WalkTo(988);
        h.Venue.Faults.RejectNext(1, RejectReason.ReduceOnlyViolated);

        h.Grid.Stop();
        h.Quote(988, afterNs: GridHarness.StepNs * 5);
        h.Quote(988, afterNs: GridHarness.StepNs * 5);

        Assert.That(h.Commands.Placed.Count(p => p.Type == OrderType.Market), Is.EqualTo(1), "the grid's books disagree with the venue: reported, not retried");
        Assert.That(h.Grid.Snapshot().Rejects, Is.EqualTo(1));
    }

    [Test]
    public void IsGridClientOrderId_GridRolesOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GridStrategy.IsGridClientOrderId(Id(3)), Is.True);
            Assert.That(GridStrategy.IsGridClientOrderId(Id(3, OrderRole.GridTakeProfit)), Is.True);
            Assert.That(GridStrategy.IsGridClientOrderId(ClientOrderId.Create(7, 0, 3, OrderRole.Entry)), Is.False);
            Assert.That(GridStrategy.IsGridClientOrderId("manual-1"), Is.False);
            Assert.That(GridStrategy.IsGridClientOrderId(null), Is.False);
        });
    }
}
