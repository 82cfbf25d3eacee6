using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.TestSupport.Books;

namespace Smallfish.Core.Tests.MarketData;

public class OrderBookTests
{
    [Test]
    public void ApplySnapshot_ReplacesEveryLevel()
    {
        var book = new OrderBook(Spec);
        book.ApplySnapshot(Snapshot(1, L((100, 1), (99, 2)), L((101, 3))));
        book.ApplySnapshot(Snapshot(2, L((90, 5)), L((95, 6), (96, 7))));
        Assert.That(Levels(book.Bids), Is.EqualTo(L((90, 5))));
        Assert.That(Levels(book.Asks), Is.EqualTo(L((95, 6), (96, 7))));
        Assert.That(book.LastUpdateId, Is.EqualTo(2));
    }

    [Test]
    public void ApplySnapshot_LevelsInAnyOrderWithZeroSizes_SortedWithoutZeros()
    {
        var book = new OrderBook(Spec);
        book.ApplySnapshot(Snapshot(1, L((98, 1), (100, 0), (99, 2)), L((103, 1), (101, 3), (102, 0))));
        Assert.That(Levels(book.Bids), Is.EqualTo(L((99, 2), (98, 1))));
        Assert.That(Levels(book.Asks), Is.EqualTo(L((101, 3), (103, 1))));
    }

    [Test]
    public void ApplyDelta_InsertUpdateDelete_RecordsEachChange()
    {
        var book = new OrderBook(Spec);
        book.ApplySnapshot(Snapshot(1, L((100, 10), (99, 20)), L((101, 30))));
        var delta = Delta(2, L((100, 0), (98, 5), (99, 25)), L((101, 30), (102, 1)));
        delta.ExchTsNs = 42;
        book.ApplyDelta(delta);

        Assert.That(Levels(book.Bids), Is.EqualTo(L((99, 25), (98, 5))));
        Assert.That(Levels(book.Asks), Is.EqualTo(L((101, 30), (102, 1))));
        // 101 x 30 is unchanged, so it is not logged.
        Assert.That(book.Changes.Count, Is.EqualTo(4));
        Assert.That(book.Changes[0], Is.EqualTo(new LevelChange(42, Side.Buy, 100, 10, 0, 0)));
        Assert.That(book.Changes[1], Is.EqualTo(new LevelChange(42, Side.Buy, 98, 0, 5, 2)));
        Assert.That(book.Changes[3], Is.EqualTo(new LevelChange(42, Side.Sell, 102, 0, 1, 1)));
    }

    [Test]
    public void Prices_TwoSidedBook_SpreadMidMicro()
    {
        var book = new OrderBook(Spec);
        book.ApplySnapshot(Snapshot(1, L((100, 3)), L((102, 1))));
        Assert.Multiple(() =>
        {
            Assert.That(book.SpreadTicks, Is.EqualTo(2));
            Assert.That(book.MidTicks, Is.EqualTo(101.0));
            Assert.That(book.MicroPriceTicks, Is.EqualTo(((100.0 * 1) + (102.0 * 3)) / 4));
            Assert.That(book.IsCrossed, Is.False);
        });
    }
}
