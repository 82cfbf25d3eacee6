using Smallfish.Core.MarketData.Tape;

namespace Smallfish.Core.Tests.MarketData;

public class LogSizeHistogramTests
{
    [Test]
    public void BucketOf_AnySize_LiesBetweenItsBucketEdges()
    {
        var sizes = new List<long> { 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1000, 123_456_789, long.MaxValue / 3, long.MaxValue };
        var rng = new Random(7);
        for (int i = 0; i < 2000; i++) sizes.Add(1 + (long)(Math.Pow(2, rng.NextDouble() * 62)));
        foreach (long s in sizes)
        {
            int b = LogSizeHistogram.BucketOf(s);
            Assert.That(b, Is.InRange(0, LogSizeHistogram.BucketCount - 1), $"size {s}");
            Assert.That(LogSizeHistogram.LowerEdge(b), Is.LessThanOrEqualTo(s), $"size {s}");
            if (b + 1 < LogSizeHistogram.BucketCount) Assert.That(LogSizeHistogram.LowerEdge(b + 1), Is.GreaterThan(s), $"size {s}");
        }
    }

    [Test]
    public void BucketOf_Above8Lots_BucketsAtMostOneEighthWide()
    {
        for (int b = 8; b < LogSizeHistogram.BucketCount - 1; b++)
        {
            double lo = LogSizeHistogram.LowerEdge(b), hi = LogSizeHistogram.LowerEdge(b + 1);
            Assert.That(hi / lo, Is.LessThanOrEqualTo(1.125 + 1e-12), $"bucket {b}");
        }
    }

    [Test]
    public void SizeAboveQuantile_MostlyOneLot_ThresholdIsTwo()
    {
        var h = new LogSizeHistogram();
        for (int i = 0; i < 100; i++) h.Add(1);
        for (int i = 0; i < 5; i++) h.Add(10);
        Assert.That(h.SizeAboveQuantile(0.95), Is.EqualTo(2));
        Assert.That(h.SizeAboveQuantile(0.99), Is.EqualTo(11), "the 99th percentile is in the 10-lot bucket");
        Assert.That(h.CountBelow(10), Is.EqualTo(100));
        Assert.That(h.CountBelow(1), Is.EqualTo(0));
    }

    [Test]
    public void QuantileBucket_UniformSizes_MatchesSortedQuantile()
    {
        var h = new LogSizeHistogram();
        var sizes = new List<long>();
        var rng = new Random(11);
        for (int i = 0; i < 1000; i++)
        {
            long s = 1 + rng.Next(5000);
            sizes.Add(s);
            h.Add(s);
        }
        sizes.Sort();
        foreach (double p in new[] { 0.5, 0.9, 0.95, 0.99 })
        {
            long exact = sizes[(int)Math.Ceiling(p * sizes.Count) - 1];
            Assert.That(h.QuantileBucket(p), Is.EqualTo(LogSizeHistogram.BucketOf(exact)), $"p = {p}");
        }
    }

    [Test]
    public void Remove_AddedSizes_EmptiesAgain()
    {
        var h = new LogSizeHistogram();
        h.Add(5);
        h.Add(500);
        h.Remove(500);
        Assert.That(h.Count, Is.EqualTo(1));
        Assert.That(h.SizeAboveQuantile(0.5), Is.EqualTo(6));
        h.Remove(5);
        Assert.That(h.SizeAboveQuantile(0.5), Is.EqualTo(long.MaxValue));
    }
}
