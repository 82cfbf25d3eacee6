namespace Smallfish.Core.MarketData;

/// <summary>
/// A reusable list of (price ticks, quantity lots) pairs: the levels of one side of a book message.
/// Grows only when a message is larger than any before it; cleared and refilled per message.
/// </summary>
public sealed class LevelList
{
    private long[] _prices;
    private long[] _quantities;

    /// <summary>Creates a list with room for <paramref name="capacity"/> levels before it grows.</summary>
    public LevelList(int capacity = 64)
    {
        _prices = new long[Math.Max(1, capacity)];
        _quantities = new long[Math.Max(1, capacity)];
    }

    /// <summary>Number of levels.</summary>
    public int Count { get; private set; }

    /// <summary>Price in ticks of level <paramref name="i"/>.</summary>
    public long PriceAt(int i) => _prices[i];

    /// <summary>Quantity in lots of level <paramref name="i"/>; 0 means delete the level.</summary>
    public long QtyAt(int i) => _quantities[i];

    /// <summary>The prices, first <see cref="Count"/> valid.</summary>
    public ReadOnlySpan<long> Prices => _prices.AsSpan(0, Count);

    /// <summary>The quantities, first <see cref="Count"/> valid.</summary>
    public ReadOnlySpan<long> Quantities => _quantities.AsSpan(0, Count);

    /// <summary>Appends a level.</summary>
    public void Add(long priceTicks, long qtyLots)
    {
        if (Count == _prices.Length)
        {
            Array.Resize(ref _prices, _prices.Length * 2);
            Array.Resize(ref _quantities, _quantities.Length * 2);
        }
        _prices[Count] = priceTicks;
        _quantities[Count] = qtyLots;
        Count++;
    }

    /// <summary>Empties the list, keeping its storage.</summary>
    public void Clear() => Count = 0;

    /// <summary>Replaces the contents with a copy of <paramref name="other"/>.</summary>
    public void CopyFrom(LevelList other)
    {
        Clear();
        for (int i = 0; i < other.Count; i++) Add(other._prices[i], other._quantities[i]);
    }
}
