namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Samples a piecewise-constant value on a fixed time grid (multiples of the interval since the Unix epoch) into a
/// ring, so that windowed statistics do not depend on how often the value changes. The sample at grid time <c>g</c> is
/// the value after every update stamped at or before <c>g</c>: when time moves to <c>now</c>, all grid points strictly
/// before <c>now</c> are filled with the value in effect, before the update at <c>now</c> is applied.
/// </summary>
public sealed class GridSeries
{
    private readonly double[] _values;
    private readonly long _intervalNs;
    private int _head; // oldest
    private int _count;
    private long _nextGridNs = long.MinValue;

    /// <summary>Creates a series sampled every <paramref name="intervalNs"/> that keeps <paramref name="capacity"/> samples.</summary>
    public GridSeries(long intervalNs, int capacity)
    {
        if (intervalNs <= 0) throw new ArgumentOutOfRangeException(nameof(intervalNs), intervalNs, "must be > 0");
        if (capacity < 2) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be >= 2");
        _intervalNs = intervalNs;
        _values = new double[capacity];
    }

    /// <summary>The value in effect now (NaN before the first).</summary>
    public double Current { get; private set; } = double.NaN;

    /// <summary>Samples held.</summary>
    public int Count => _count;

    /// <summary>Grid interval, ns.</summary>
    public long IntervalNs => _intervalNs;

    /// <summary>Sample <paramref name="index"/>, 0 = oldest.</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            int i = _head + index;
            if (i >= _values.Length) i -= _values.Length;
            return _values[i];
        }
    }

    /// <summary>Grid time of the newest sample, ns (meaningless while <see cref="Count"/> is 0).</summary>
    public long NewestTimeNs => _nextGridNs - _intervalNs;

    /// <summary>Fills the grid up to (excluding) <paramref name="nowNs"/>, then makes <paramref name="value"/> the value in effect.</summary>
    public int Set(long nowNs, double value)
    {
        int added = AdvanceTo(nowNs);
        Current = value;
        return added;
    }

    /// <summary>
    /// Fills every grid point strictly before <paramref name="nowNs"/> with the value in effect; returns how many samples
    /// were appended (they are the newest ones). After a gap longer than the ring, only the last ring-full is written.
    /// </summary>
    public int AdvanceTo(long nowNs)
    {
        if (_nextGridNs == long.MinValue)
        {
            long g = nowNs - Mod(nowNs);
            _nextGridNs = g == nowNs ? g : g + _intervalNs;
            return 0;
        }
        if (_nextGridNs >= nowNs) return 0;
        long n = (nowNs - 1 - _nextGridNs) / _intervalNs + 1;
        if (n > _values.Length)
        {
            _nextGridNs += (n - _values.Length) * _intervalNs;
            n = _values.Length;
        }
        for (long k = 0; k < n; k++) Append(Current);
        _nextGridNs += n * _intervalNs;
        return (int)n;
    }

    /// <summary>
    /// The value in effect at <paramref name="timeNs"/>: the sample at the latest grid point at or before it, the current
    /// value when that point is not filled yet, the oldest sample when it lies before the history (NaN when empty).
    /// </summary>
    public double ValueAt(long timeNs)
    {
        if (_count == 0) return Current;
        long g = timeNs - Mod(timeNs);
        long newest = NewestTimeNs;
        if (g > newest) return Current;
        long back = (newest - g) / _intervalNs;
        if (back >= _count) return this[0];
        return this[_count - 1 - (int)back];
    }

    /// <summary>Forgets every sample and the current value.</summary>
    public void Clear()
    {
        _head = _count = 0;
        _nextGridNs = long.MinValue;
        Current = double.NaN;
    }

    private long Mod(long t)
    {
        long m = t % _intervalNs;
        return m < 0 ? m + _intervalNs : m;
    }

    private void Append(double v)
    {
        int tail = _head + _count;
        if (tail >= _values.Length) tail -= _values.Length;
        _values[tail] = v;
        if (_count < _values.Length) _count++;
        else _head = _head + 1 == _values.Length ? 0 : _head + 1;
    }
}
