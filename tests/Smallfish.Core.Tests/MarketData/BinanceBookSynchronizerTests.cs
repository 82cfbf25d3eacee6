using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.TestSupport.Books;

namespace Smallfish.Core.Tests.MarketData;

public class BinanceBookSynchronizerTests
{
    private static readonly (long, long)[] SnapBids = L((100, 10), (99, 20));
    private static readonly (long, long)[] SnapAsks = L((101, 15), (102, 30));

    private static BinanceBookSynchronizer Synced(long lastUpdateId = 1000)
    {
        var sync = new BinanceBookSynchronizer(new OrderBook(Spec));
        Assert.That(sync.Apply(Snapshot(lastUpdateId, SnapBids, SnapAsks)), Is.EqualTo(BookSyncResult.Synced));
        return sync;
    }

    [Test]
    public void Apply_DiffsBeforeSnapshot_BufferedAndBookInvalid()
    {
        var sync = new BinanceBookSynchronizer(new OrderBook(Spec));
        Assert.That(sync.Apply(Diff(990, 995, 989, L((100, 5)), L())), Is.EqualTo(BookSyncResult.Buffered));
        Assert.That(sync.Apply(Diff(996, 1003, 995, L((100, 7)), L())), Is.EqualTo(BookSyncResult.Buffered));
        Assert.That(sync.BufferedCount, Is.EqualTo(2));
        Assert.That(sync.NeedsSnapshot, Is.True);
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.Bids.Count, Is.Zero);
    }

    [Test]
    public void Apply_SnapshotAfterBufferedDiffs_DropsOlderAndAppliesFromTheStraddlingDiff()
    {
        var sync = new BinanceBookSynchronizer(new OrderBook(Spec));
        sync.Apply(Diff(990, 995, 989, L((100, 5)), L()));        // u < 1000: dropped
        sync.Apply(Diff(998, 1003, 995, L((100, 12)), L((101, 0)))); // U <= 1000 <= u: first applied
        sync.Apply(Diff(1004, 1010, 1003, L((98, 4)), L((103, 2))));  // pu chains
        Assert.That(sync.Apply(Snapshot(1000, SnapBids, SnapAsks)), Is.EqualTo(BookSyncResult.Synced));
        Assert.That(sync.Book.IsValid, Is.True);
        Assert.That(sync.Book.LastUpdateId, Is.EqualTo(1010));
        Assert.That(Levels(sync.Book.Bids), Is.EqualTo(L((100, 12), (99, 20), (98, 4))));
        Assert.That(Levels(sync.Book.Asks), Is.EqualTo(L((102, 30), (103, 2))));
        Assert.That(sync.BufferedCount, Is.Zero);
    }

    [Test]
    public void Apply_FirstLiveDiffMustStraddleSnapshot_OlderIgnoredNewerIsGap()
    {
        var sync = Synced(1000);
        Assert.That(sync.Apply(Diff(990, 999, 989, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Ignored));
        Assert.That(sync.Book.Bids.QtyAtPrice(100), Is.EqualTo(10));
        Assert.That(sync.Apply(Diff(1001, 1005, 999, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Gap)); // U > lastUpdateId
        Assert.That(sync.Book.IsValid, Is.False);
    }

    [Test]
    public void Apply_FirstDiffWithUpdateIdEqualToSnapshot_Applied()
    {
        var sync = Synced(1000);
        Assert.That(sync.Apply(Diff(1000, 1000, 998, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Applied));
        Assert.That(sync.Book.Bids.QtyAtPrice(100), Is.EqualTo(1));
    }

    [Test]
    public void Apply_PuChainsOnPreviousU_Applied()
    {
        var sync = Synced(1000);
        Assert.That(sync.Apply(Diff(999, 1002, 998, L((99, 21)), L())), Is.EqualTo(BookSyncResult.Applied));
        Assert.That(sync.Apply(Diff(1050, 1060, 1002, L(), L((102, 31)))), Is.EqualTo(BookSyncResult.Applied)); // U jumps: fine
        Assert.That(sync.Book.LastUpdateId, Is.EqualTo(1060));
        Assert.That(sync.Book.IsValid, Is.True);
    }

    [Test]
    public void Apply_PuDoesNotMatchPreviousU_GapInvalidUntilResnapshot()
    {
        var sync = Synced(1000);
        sync.Apply(Diff(999, 1002, 998, L((99, 21)), L()));
        Assert.That(sync.Apply(Diff(1010, 1012, 1005, L((99, 1)), L())), Is.EqualTo(BookSyncResult.Gap));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.SequenceGap));
        Assert.That(sync.NeedsSnapshot, Is.True);
        Assert.That(sync.Apply(Diff(1013, 1015, 1012, L((99, 2)), L())), Is.EqualTo(BookSyncResult.Buffered));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.GapCount, Is.EqualTo(1));

        // A fresh snapshot at 1011 resyncs from the buffered diffs (1010..1012 straddles it, 1013..1015 chains).
        Assert.That(sync.Apply(Snapshot(1011, L((99, 50)), L((101, 1)))), Is.EqualTo(BookSyncResult.Synced));
        Assert.That(sync.Book.IsValid, Is.True);
        Assert.That(sync.Book.Bids.QtyAtPrice(99), Is.EqualTo(2));
        Assert.That(sync.Book.LastUpdateId, Is.EqualTo(1015));
    }

    [Test]
    public void Apply_SnapshotOlderThanBufferedDiffs_StaleAndStillInvalid()
    {
        var sync = new BinanceBookSynchronizer(new OrderBook(Spec));
        sync.Apply(Diff(1005, 1010, 1004, L((100, 1)), L()));
        Assert.That(sync.Apply(Snapshot(1000, SnapBids, SnapAsks)), Is.EqualTo(BookSyncResult.StaleSnapshot));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.StaleSnapshot));
        Assert.That(sync.NeedsSnapshot, Is.True);
        Assert.That(sync.Apply(Snapshot(1007, SnapBids, SnapAsks)), Is.EqualTo(BookSyncResult.Synced));
        Assert.That(sync.Book.Bids.QtyAtPrice(100), Is.EqualTo(1));
    }

    [Test]
    public void Apply_DeleteOfAbsentLevel_IgnoredLevelAndBookStaysValid()
    {
        var sync = Synced(1000);
        Assert.That(sync.Apply(Diff(999, 1001, 998, L((95, 0)), L((110, 0)))), Is.EqualTo(BookSyncResult.Applied));
        Assert.That(Levels(sync.Book.Bids), Is.EqualTo(SnapBids));
        Assert.That(Levels(sync.Book.Asks), Is.EqualTo(SnapAsks));
        Assert.That(sync.Book.IsValid, Is.True);
    }

    [Test]
    public void Apply_DiffThatCrossesTheBook_InvalidAndWaitsForSnapshot()
    {
        var sync = Synced(1000);
        Assert.That(sync.Apply(Diff(999, 1001, 998, L((101, 1)), L())), Is.EqualTo(BookSyncResult.Crossed));
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.Crossed));
        Assert.That(sync.Apply(Diff(1002, 1003, 1001, L((101, 0)), L())), Is.EqualTo(BookSyncResult.Buffered));
        Assert.That(sync.Book.IsValid, Is.False);
    }

    [Test]
    public void Reset_AfterSync_InvalidEmptyAndBuffering()
    {
        var sync = Synced(1000);
        sync.Reset(BookInvalidReason.Disconnected);
        Assert.That(sync.Book.IsValid, Is.False);
        Assert.That(sync.Book.InvalidReason, Is.EqualTo(BookInvalidReason.Disconnected));
        Assert.That(sync.Book.Bids.Count, Is.Zero);
        Assert.That(sync.Apply(Diff(1001, 1002, 1000, L((100, 1)), L())), Is.EqualTo(BookSyncResult.Buffered));
    }
}
