using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.TestSupport.Books;

namespace Smallfish.Core.Tests.MarketData;

public class BybitBookSynchronizerTests
{
    private static BybitBookSynchronizer Synced(long u = 500)
    {
        var sync = new BybitBookSynchronizer(new OrderBook(Spec));
        Assert.That(sync.Apply(Snapshot(u, L((100, 10), (99, 20)), L((101, 30), (102, 40)))), Is.EqualTo(BookSyncResult.Synced));
        return sync;
    }

    [Test]
    public void Apply_Snapshot_BookValid()
    {
        var sync = Synced();
        Assert.That(sync.Book.IsValid, Is.True);
        Assert.That(sync.NeedsSnapshot, Is.False);
        Assert.That(sync.Book.BestBid, Is.EqualTo(100));
        Assert.That(sync.Book.BestAsk, Is.EqualTo(101));
    }

    [Test]
    public void Apply_DeltaBeforeAnySnapshot_IgnoredAndBookInvalid()
    {
        var sync = new BybitBookSynchronizer(new OrderBook(Spec));
        Assert.That(sync.Apply(Delta(7, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Ignored));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.Bids.Count, Is.Zero);
    }

    [Test]
    public void Apply_ConsecutiveDeltas_InsertUpdateDelete()
    {
        var sync = Synced();
        Assert.That(sync.Apply(Delta(501, L((100, 0), (99, 25), (98, 5)), L())), Is.EqualTo(BookSyncResult.Applied));
        Assert.That(sync.Apply(Delta(502, L(), L((101, 35), (105, 1), (103, 0)))), Is.EqualTo(BookSyncResult.Applied));
        Assert.That(Levels(sync.Book.Bids), Is.EqualTo(L((99, 25), (98, 5))));
        Assert.That(Levels(sync.Book.Asks), Is.EqualTo(L((101, 35), (102, 40), (105, 1))));
        Assert.That(sync.Book.IsValid, Is.True);
    }

    [Test]
    public void Apply_RepeatedOldDelta_IgnoredBookUnchanged()
    {
        var sync = Synced();
        sync.Apply(Delta(501, L((100, 11)), L()));
        Assert.That(sync.Apply(Delta(501, L((100, 99)), L())), Is.EqualTo(BookSyncResult.Ignored));
        Assert.That(sync.Book.Bids.QtyAtPrice(100), Is.EqualTo(11));
        Assert.That(sync.Book.IsValid, Is.True);
    }

    [Test]
    public void Apply_UpdateIdSkipsOne_GapAndInvalidUntilNextSnapshot()
    {
        var sync = Synced();
        Assert.That(sync.Apply(Delta(502, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Gap));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.SequenceGap));
        Assert.That(sync.NeedsSnapshot, Is.True);
        // Later deltas cannot repair the book.
        Assert.That(sync.Apply(Delta(503, L((100, 2)), L())), Is.EqualTo(BookSyncResult.Ignored));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.GapCount, Is.EqualTo(1));

        Assert.That(sync.Apply(Snapshot(600, L((90, 1)), L((91, 1)))), Is.EqualTo(BookSyncResult.Synced));
        Assert.That(sync.Book.IsValid, Is.True);
        Assert.That(sync.Apply(Delta(601, L((90, 2)), L())), Is.EqualTo(BookSyncResult.Applied));
    }

    [Test]
    public void Apply_SnapshotWithUpdateIdOne_ServiceRestartRebuildsBook()
    {
        var sync = Synced(u: 500);
        sync.Apply(Delta(501, L((98, 5)), L()));
        Assert.That(sync.Apply(Snapshot(1, L((50, 1)), L((51, 2)))), Is.EqualTo(BookSyncResult.Synced));
        Assert.That(Levels(sync.Book.Bids), Is.EqualTo(L((50, 1))));
        Assert.That(sync.Book.LastUpdateId, Is.EqualTo(1));
        Assert.That(sync.Apply(Delta(2, L((49, 3)), L())), Is.EqualTo(BookSyncResult.Applied));
    }

    [Test]
    public void Apply_DeltaThatCrossesTheBook_InvalidUntilNextSnapshot()
    {
        var sync = Synced();
        Assert.That(sync.Apply(Delta(501, L((101, 1)), L())), Is.EqualTo(BookSyncResult.Crossed));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.Crossed));
        Assert.That(sync.Apply(Delta(502, L((101, 0)), L())), Is.EqualTo(BookSyncResult.Ignored));
        Assert.That(sync.Book.IsValid, Is.False);
    }

    [Test]
    public void Apply_CrossedSnapshot_Invalid()
    {
        var sync = new BybitBookSynchronizer(new OrderBook(Spec));
        Assert.That(sync.Apply(Snapshot(1, L((101, 1)), L((100, 1)))), Is.EqualTo(BookSyncResult.Crossed));
        Assert.That(sync.Book.IsValid, Is.False);
    }
}
