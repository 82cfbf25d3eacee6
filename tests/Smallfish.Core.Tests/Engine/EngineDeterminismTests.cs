using Smallfish.Core.Domain;

namespace Smallfish.Core.Tests.Engine;

/// <summary>Same events on the same clock give the same commands and journal; long random sessions keep the invariants.</summary>
public class EngineDeterminismTests
{
    [Test]
    public void Run_SameStreamTwice_IdenticalCommandsAndJournal()
    {
        using var first = RandomScenario.Run(seed: 20240101);
        using var second = RandomScenario.Run(seed: 20240101);

        Assert.That(first.Journal.Trades, Is.Not.Empty, "the session must trade for the comparison to mean anything");
        Assert.That(first.Orders.Log, Has.Count.GreaterThan(20));
        Assert.That(RandomScenario.Digest(second), Is.EqualTo(RandomScenario.Digest(first)));
    }

#pragma warning disable NUnit1027 // FsCheck supplies the argument
    [FsCheck.NUnit.Property(MaxTest = 10)]
    public void RandomSession_AnySeed_NoIdReusedEveryPositionProtectedNothingUnknown(int seed)
    {
        using var h = RandomScenario.Run(seed, steps: 1200);

        var venuePosition = h.Venue.GetPosition(EngineHarness.Symbol).NetLots;
        var position = h.Engine.Brackets(0).Position;
        long enginePosition = position is null ? 0 : position.QtyLots * position.Side.Sign();
        Assert.Multiple(() =>
        {
            Assert.That(h.Orders.DuplicateIds, Is.Empty, "a client order id was placed twice");
            Assert.That(h.Journal.OrderUpdates.Where(u => u.Reject == RejectReason.DuplicateClientOrderId), Is.Empty);
            Assert.That(h.Checker.Violations, Is.Empty);
            Assert.That(enginePosition, Is.EqualTo(venuePosition), "the engine's position is the exchange's");
            Assert.That(h.Engine.Orders.LiveCount, Is.EqualTo(h.Venue.WorkingOrderCount(EngineHarness.Symbol)), "every working order is known");
            Assert.That(h.Engine.UnknownReports, Is.Zero);
            Assert.That(h.Journal.Trades, Has.Count.EqualTo(h.Engine.Brackets(0).Closed));
        });
    }
#pragma warning restore NUnit1027
}
