using Smallfish.Simulation.Venue.Queue;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>The queue position estimate and the cancel models, alone.</summary>
public class QueueModelTests
{
    [Test]
    public void Join_VisibleSize_AllOfItIsAhead()
    {
        var q = new QueuePosition();
        q.Join(10);
        Assert.That((q.AheadLots, q.VisibleLots), Is.EqualTo((10L, 10L)));
    }

    [Test]
    public void OnTrade_ConsumesQueueAheadThenReachesTheOrder()
    {
        var q = new QueuePosition();
        q.Join(10);
        Assert.That(q.OnTrade(7), Is.Zero);
        Assert.That(q.AheadLots, Is.EqualTo(3));
        Assert.That(q.OnTrade(5), Is.EqualTo(2));
        Assert.That(q.AheadLots, Is.Zero);
        Assert.That(q.OnTrade(4), Is.EqualTo(4));
    }

    [Test]
    public void OnBook_TradeThenBookDecrease_NotCountedTwice()
    {
        var q = new QueuePosition();
        q.Join(10);
        q.OnTrade(4);
        q.OnBook(6, ProbabilisticQueueModel.Proportional); // the same 4 lots, seen in the book
        Assert.That(q.AheadLots, Is.EqualTo(6));
    }

    [Test]
    public void OnTrade_BookDecreaseThenTrade_NotCountedTwice()
    {
        var q = new QueuePosition();
        q.Join(10);
        q.OnBook(6, RiskAverseQueueModel.Instance); // looks like cancels, capped to the visible 6
        Assert.That(q.AheadLots, Is.EqualTo(6));
        Assert.That(q.OnTrade(4), Is.Zero);         // the print explains the drop: no further advance
        Assert.That(q.AheadLots, Is.EqualTo(6));
    }

    [Test]
    public void OnTrade_CreditExpiresAtNextBookMessage()
    {
        var q = new QueuePosition();
        q.Join(10);
        q.OnBook(6, RiskAverseQueueModel.Instance);
        q.OnBook(6, RiskAverseQueueModel.Instance);
        Assert.That(q.OnTrade(4), Is.Zero);
        Assert.That(q.AheadLots, Is.EqualTo(2));
    }

    [Test]
    public void OnBook_SizeAdded_JoinsBehind()
    {
        var q = new QueuePosition();
        q.Join(10);
        q.OnBook(30, ProbabilisticQueueModel.Proportional);
        Assert.That(q.AheadLots, Is.EqualTo(10));
    }

    [Test]
    public void RiskAverse_Cancel_NeverAdvances()
    {
        Assert.That(RiskAverseQueueModel.Instance.AheadAfterCancel(10, 20, 6), Is.EqualTo(10));
    }

    [TestCase(10L, 20L, 6L, 7L)]  // half ahead: 3 of 6
    [TestCase(10L, 40L, 8L, 8L)]  // a quarter ahead: 2 of 8
    [TestCase(10L, 12L, 5L, 6L)]  // share 10/12 of 5 = 4.17 -> 4 (at least 3 had to come from ahead: only 2 behind)
    [TestCase(10L, 10L, 4L, 6L)]  // nobody behind: all from ahead
    [TestCase(0L, 10L, 4L, 0L)]
    public void Proportional_Cancel_AdvancesByShareAhead(long ahead, long level, long cancelled, long expected)
    {
        Assert.That(ProbabilisticQueueModel.Proportional.AheadAfterCancel(ahead, level, cancelled), Is.EqualTo(expected));
    }

    [Test]
    public void Probabilistic_HigherPower_MoreCancelsOnTheLargerSide()
    {
        long linear = ProbabilisticQueueModel.Proportional.AheadAfterCancel(30, 40, 8); // 3/4 of 8 = 6 -> 24
        long squared = new ProbabilisticQueueModel(2).AheadAfterCancel(30, 40, 8);     // 900/1000 of 8 = 7.2 -> 7 -> 23
        Assert.That((linear, squared), Is.EqualTo((24L, 23L)));
    }

    [Test]
    public void Probabilistic_CancelLargerThanSizeBehind_RestCameFromAhead()
    {
        // 2 ahead, 10 behind, 11 cancelled: the weight puts 0.42 lots ahead, but 1 lot cannot have been behind.
        Assert.That(new ProbabilisticQueueModel(2).AheadAfterCancel(2, 12, 11), Is.EqualTo(1));
    }

    [Test]
    public void Probabilistic_NonPositivePower_Throws()
    {
        Assert.That(() => new ProbabilisticQueueModel(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
