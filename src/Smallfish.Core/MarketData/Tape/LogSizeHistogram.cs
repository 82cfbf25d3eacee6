using System.Numerics;

namespace Smallfish.Core.MarketData.Tape;

/// <summary>
/// Counts of sizes (lots) in logarithmic buckets: exact below 8 lots, then 8 buckets per doubling (12.5 % wide), up to
/// <see cref="long.MaxValue"/>. Counts sit in a Fenwick tree, so adding, removing, counting below a size and finding a
/// quantile all take a few dozen steps with no sorting and no allocation after construction.
/// </summary>
public sealed class LogSizeHistogram
{
    private const int SubBits = 3;
    private const int Sub = 1 << SubBits;

    /// <summary>Number of buckets.</summary>
    public const int BucketCount = Sub + (63 - SubBits) * Sub;

    private readonly int[] _tree = new int[BucketCount + 1];
    private readonly int _topStep = (int)BitOperations.RoundUpToPowerOf2(BucketCount + 1) >> 1;

    /// <summary>Number of sizes held.</summary>
    public int Count { get; private set; }

    /// <summary>Bucket index of a size; sizes below 1 lot count as 1 lot.</summary>
    public static int BucketOf(long lots)
    {
        if (lots < Sub) return lots < 1 ? 1 : (int)lots;
        int e = BitOperations.Log2((ulong)lots);
        int sub = (int)((lots >> (e - SubBits)) & (Sub - 1));
        return Sub + (e - SubBits) * Sub + sub;
    }

    /// <summary>Smallest size (lots) that falls in <paramref name="bucket"/>; <see cref="long.MaxValue"/> past the last bucket.</summary>
    public static long LowerEdge(int bucket)
    {
        if (bucket < Sub) return bucket;
        if (bucket >= BucketCount) return long.MaxValue;
        int e = (bucket - Sub) / Sub + SubBits;
        int sub = (bucket - Sub) % Sub;
        return (long)(Sub + sub) << (e - SubBits);
    }

    /// <summary>Adds one size.</summary>
    public void Add(long lots)
    {
        Update(BucketOf(lots), 1);
        Count++;
    }

    /// <summary>Removes one size that was added before.</summary>
    public void Remove(long lots)
    {
        Update(BucketOf(lots), -1);
        Count--;
    }

    /// <summary>Empties the histogram.</summary>
    public void Clear()
    {
        Array.Clear(_tree);
        Count = 0;
    }

    /// <summary>Number of sizes in buckets strictly below the bucket of <paramref name="lots"/>.</summary>
    public int CountBelow(long lots) => Prefix(BucketOf(lots) - 1);

    /// <summary>
    /// The bucket that holds the <paramref name="p"/>-quantile: the lowest bucket whose cumulative count reaches
    /// ceil(p x Count) (at least 1). -1 when empty.
    /// </summary>
    public int QuantileBucket(double p)
    {
        if (Count == 0) return -1;
        int k = (int)Math.Ceiling(p * Count);
        if (k < 1) k = 1;
        if (k > Count) k = Count;
        int pos = 0, rem = k;
        for (int step = _topStep; step > 0; step >>= 1)
        {
            int next = pos + step;
            if (next <= BucketCount && _tree[next] < rem)
            {
                pos = next;
                rem -= _tree[next];
            }
        }
        return pos; // 1-based index pos + 1 is the bucket, i.e. 0-based bucket = pos
    }

    /// <summary>
    /// The smallest size (lots) that lies in a bucket above the <paramref name="p"/>-quantile's bucket: sizes at or above
    /// it are in the top (1 - p) of the distribution. <see cref="long.MaxValue"/> when empty.
    /// </summary>
    public long SizeAboveQuantile(double p)
    {
        int b = QuantileBucket(p);
        return b < 0 ? long.MaxValue : LowerEdge(b + 1);
    }

    private void Update(int bucket, int delta)
    {
        for (int i = bucket + 1; i <= BucketCount; i += i & -i) _tree[i] += delta;
    }

    private int Prefix(int bucket)
    {
        int sum = 0;
        for (int i = bucket + 1; i > 0; i -= i & -i) sum += _tree[i];
        return sum;
    }
}
