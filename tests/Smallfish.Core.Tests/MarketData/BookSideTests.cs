using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using static Smallfish.Core.Tests.TestSupport.Books;

namespace Smallfish.Core.Tests.MarketData;

public class BookSideTests
{
    [Test]
    public void Set_NewLevelsInAnyOrder_BidsBestFirstDescending()
    {
        var side = new BookSide(Side.Buy);
        side.Set(100, 1);
        side.Set(102, 2);
        side.Set(101, 3);
        Assert.That(Levels(side), Is.EqualTo(L((102, 2), (101, 3), (100, 1))));
        Assert.That(side.BestPrice, Is.EqualTo(102));
        Assert.That(side.BestQty, Is.EqualTo(2));
    }

    [Test]
    public void Set_NewLevelsInAnyOrder_AsksBestFirstAscending()
    {
        var side = new BookSide(Side.Sell);
        side.Set(102, 2);
        side.Set(100, 1);
        side.Set(101, 3);
        Assert.That(Levels(side), Is.EqualTo(L((100, 1), (101, 3), (102, 2))));
        Assert.That(side.BestPrice, Is.EqualTo(100));
    }

    [Test]
    public void Set_ExistingLevel_OverwritesAbsoluteSizeAndReturnsPrevious()
    {
        var side = new BookSide(Side.Buy);
        side.Set(100, 5);
        long prev = side.Set(100, 7);
        Assert.That(prev, Is.EqualTo(5));
        Assert.That(side.QtyAtPrice(100), Is.EqualTo(7));
        Assert.That(side.Count, Is.EqualTo(1));
    }

    [Test]
    public void Set_ZeroSize_RemovesLevel()
    {
        var side = new BookSide(Side.Sell);
        side.Set(100, 5);
        side.Set(101, 6);
        long prev = side.Set(100, 0);
        Assert.That(prev, Is.EqualTo(5));
        Assert.That(Levels(side), Is.EqualTo(L((101, 6))));
    }

    [Test]
    public void Set_ZeroSizeForAbsentLevel_ChangesNothing()
    {
        var side = new BookSide(Side.Buy);
        side.Set(100, 5);
        long prev = side.Set(99, 0);
        Assert.That(prev, Is.Zero);
        Assert.That(Levels(side), Is.EqualTo(L((100, 5))));
    }

    [Test]
    public void Depth_OverLevelsAndTicks_SumsFromTheBest()
    {
        var side = new BookSide(Side.Sell);
        side.Set(100, 1);
        side.Set(101, 2);
        side.Set(105, 4);
        Assert.Multiple(() =>
        {
            Assert.That(side.DepthLevels(2), Is.EqualTo(3));
            Assert.That(side.DepthLevels(10), Is.EqualTo(7));
            Assert.That(side.DepthWithinTicks(1), Is.EqualTo(3));
            Assert.That(side.DepthWithinTicks(5), Is.EqualTo(7));
            Assert.That(side.NotionalLevels(2), Is.EqualTo((100.0 * 1) + (101.0 * 2)));
        });
    }

    [Test]
    public void Clear_ThenReuse_HoldsOnlyNewLevels()
    {
        var side = new BookSide(Side.Buy, initialCapacity: 16);
        for (int i = 0; i < 500; i++) side.Set(1000 + i, i + 1);
        side.Clear();
        side.Set(5, 1);
        Assert.That(Levels(side), Is.EqualTo(L((5, 1))));
    }

    [TestCase(Side.Buy)]
    [TestCase(Side.Sell)]
    public void Set_NewBestFarBeyondTheWindow_WindowMovesAndEveryLevelKept(Side s)
    {
        var side = new BookSide(s, windowTicks: 16);
        int dir = s == Side.Buy ? 1 : -1;
        for (int i = 0; i < 10; i++) side.Set(1000 + (dir * i), i + 1);
        side.Set(1000 + (dir * 500), 7); // far better: the old levels now lie below the window
        Assert.That(side.BestPrice, Is.EqualTo(1000 + (dir * 500)));
        Assert.That(side.Count, Is.EqualTo(11));
        Assert.That(side.QtyAtPrice(1000), Is.EqualTo(1));
        Assert.That(side.PriceAt(1), Is.EqualTo(1000 + (dir * 9)));
        Assert.That(side.DepthLevels(11), Is.EqualTo(7 + 55));
    }

    [TestCase(Side.Buy)]
    [TestCase(Side.Sell)]
    public void Set_BestRemovedLeavingOnlyFarLevels_FarLevelBecomesBest(Side s)
    {
        var side = new BookSide(s, windowTicks: 16);
        int dir = s == Side.Buy ? 1 : -1;
        side.Set(1000, 5);
        side.Set(1000 - (dir * 300), 3); // worse, far outside the window
        side.Set(1000 - (dir * 301), 2);
        side.Set(1000, 0);
        Assert.That(side.BestPrice, Is.EqualTo(1000 - (dir * 300)));
        Assert.That(side.BestQty, Is.EqualTo(3));
        Assert.That(Levels(side), Is.EqualTo(L((1000 - (dir * 300), 3), (1000 - (dir * 301), 2))));
        Assert.That(side.DepthWithinTicks(1), Is.EqualTo(5));
    }

    [Test]
    public void DepthWithinTicks_RangeReachingPastTheWindow_IncludesFarLevels()
    {
        var side = new BookSide(Side.Buy, windowTicks: 16);
        side.Set(1000, 1);
        side.Set(990, 2);
        side.Set(900, 4); // outside the 16-tick window
        side.Set(899, 8);
        Assert.That(side.DepthWithinTicks(100), Is.EqualTo(1 + 2 + 4));
        Assert.That(side.NotionalLevels(4), Is.EqualTo((1000.0 * 1) + (990.0 * 2) + (900.0 * 4) + (899.0 * 8)));
    }

    [TestCase(Side.Buy)]
    [TestCase(Side.Sell)]
    public void DepthWithinTicks_HugeRange_EverythingNoOverflow(Side s)
    {
        var side = new BookSide(s, windowTicks: 16);
        side.Set(1000, 1);
        side.Set(1, 2);
        side.Set(900_000, 4);
        Assert.That(side.DepthWithinTicks(long.MaxValue), Is.EqualTo(7));
    }

    [Test]
    public void PriceAt_BeyondDepth_Throws()
    {
        var side = new BookSide(Side.Buy);
        side.Set(100, 1);
        Assert.That(() => side.PriceAt(1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Set_SequentialLoadWorstFirst_AllocatesNothingOnceGrown()
    {
        var side = new BookSide(Side.Buy, initialCapacity: 16);
        for (int i = 0; i < 5000; i++) side.Set(i + 1, 1); // grow once
        side.Clear();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) side.Set(i + 1, 1);
        for (int i = 0; i < 5000; i += 3) side.Set(i + 1, 0);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    // Random inserts, overwrites and deletes over a small or wide price range, checked level by level against a
    // sorted dictionary after every operation batch: the blocked layout must be invisible from outside.
#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool Set_RandomOperations_MatchesSortedModel(int[] prices, byte[] sizes, bool bid, bool narrow, byte window)
#pragma warning restore NUnit1027
    {
        // Tiny windows push most levels into the far list and re-centre constantly; the default window holds them all.
        int[] windows = [16, 17, 64, 1000, BookSide.DefaultWindowTicks];
        var side = new BookSide(bid ? Side.Buy : Side.Sell, initialCapacity: 16, windowTicks: windows[window % windows.Length]);
        var model = new SortedDictionary<long, long>();
        int n = Math.Min(prices.Length, sizes.Length);
        for (int rep = 0; rep < 8; rep++)
        {
            for (int i = 0; i < n; i++)
            {
                long price = 10_000 + (Math.Abs((long)prices[i] * (rep + 1)) % (narrow ? 40 : 4000));
                long qty = sizes[(i + rep) % n] % 3 == 0 ? 0 : sizes[(i + rep) % n];
                long expectedPrev = model.GetValueOrDefault(price);
                if (side.Set(price, qty) != expectedPrev) return false;
                if (qty > 0) model[price] = qty;
                else model.Remove(price);
            }
        }
        var expected = (bid ? model.Reverse() : model).Select(kv => (kv.Key, kv.Value)).ToArray();
        var actual = Levels(side);
        if (!actual.SequenceEqual(expected)) return false;
        for (int i = 0; i < expected.Length; i++)
        {
            if (side.PriceAt(i) != expected[i].Key || side.QtyAt(i) != expected[i].Value || side.QtyAtPrice(expected[i].Key) != expected[i].Value) return false;
        }
        return side.Count == expected.Length && (expected.Length == 0 || side.BestPrice == expected[0].Key);
    }
}
