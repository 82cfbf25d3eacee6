namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>
/// A fixed-capacity uniform sample of rows (a forward return and one score per signal) from a stream of unknown
/// length: Algorithm R driven by a seeded xorshift generator, so the same stream always keeps the same rows. Storage
/// grows by doubling up to the capacity, so a short stream costs little.
/// </summary>
internal sealed class RowReservoir
{
    private readonly int _width;
    private readonly int _capacity;
    private double[] _returns;
    private double[] _scores;
    private ulong _state;

    public RowReservoir(int width, int capacity, ulong seed)
    {
        _width = width;
        _capacity = capacity;
        _returns = new double[Math.Min(capacity, 1024)];
        _scores = new double[_returns.Length * width];
        _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    }

    /// <summary>Rows offered so far.</summary>
    public long Seen { get; private set; }

    /// <summary>Rows held (at most the capacity).</summary>
    public int Count => (int)Math.Min(Seen, _capacity);

    public void Offer(double forwardReturn, ReadOnlySpan<double> scores)
    {
        long n = Seen++;
        int slot;
        if (n < _capacity)
        {
            slot = (int)n;
            if (slot == _returns.Length)
            {
                int size = Math.Min(_capacity, _returns.Length * 2);
                Array.Resize(ref _returns, size);
                Array.Resize(ref _scores, size * _width);
            }
        }
        else
        {
            ulong j = Next() % (ulong)(n + 1);
            if (j >= (ulong)_capacity) return;
            slot = (int)j;
        }
        _returns[slot] = forwardReturn;
        scores.CopyTo(_scores.AsSpan(slot * _width, _width));
    }

    public ReadOnlySpan<double> Returns => _returns.AsSpan(0, Count);

    /// <summary>Copies column <paramref name="signal"/> of the held rows into <paramref name="target"/>.</summary>
    public void CopyScores(int signal, Span<double> target)
    {
        int count = Count;
        for (int i = 0; i < count; i++) target[i] = _scores[(i * _width) + signal];
    }

    private ulong Next()
    {
        ulong x = _state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state = x;
        return x;
    }
}
