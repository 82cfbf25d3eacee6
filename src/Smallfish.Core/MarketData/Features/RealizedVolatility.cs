namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Realized volatility of a price sampled on a fixed grid, over a short and a long window of returns: the square root of
/// the sum of squared log returns per second of window, in basis points per square-root second (so the short and long
/// values are comparable and their ratio is 1 in a steady market). Sums are kept incrementally and rebuilt once per
/// ring cycle so rounding cannot drift.
/// </summary>
public sealed class RealizedVolatility
{
    private readonly double[] _sq; // squared log returns, ring of the long window
    private readonly int _shortCount;
    private readonly double _intervalSeconds;
    private int _head;
    private int _count;
    private double _sumShort;
    private double _sumLong;
    private double _prev = double.NaN;
    private int _sinceRebuild;

    /// <summary>Creates an estimator for samples every <paramref name="intervalNs"/> over windows of the given lengths.</summary>
    public RealizedVolatility(long intervalNs, long shortWindowNs, long longWindowNs)
    {
        if (intervalNs <= 0) throw new ArgumentOutOfRangeException(nameof(intervalNs), intervalNs, "must be > 0");
        _shortCount = (int)Math.Max(1, shortWindowNs / intervalNs);
        int longCount = (int)Math.Max(_shortCount + 1, longWindowNs / intervalNs);
        _sq = new double[longCount];
        _intervalSeconds = intervalNs / 1e9;
    }

    /// <summary>Returns held (at most the long window's count).</summary>
    public int Count => _count;

    /// <summary>Returns in the short window.</summary>
    public int ShortReturns => _shortCount;

    /// <summary>Returns in the long window.</summary>
    public int LongReturns => _sq.Length;

    /// <summary>Short-window realized volatility, bps per square-root second (0 before any return).</summary>
    public double ShortBps => Rv(_sumShort, Math.Min(_count, _shortCount));

    /// <summary>Long-window realized volatility, bps per square-root second (0 before any return).</summary>
    public double LongBps => Rv(_sumLong, _count);

    /// <summary>
    /// Feeds the next grid sample. Non-positive or NaN samples are skipped until the first valid one; after that an
    /// invalid sample counts as no change.
    /// </summary>
    public void Push(double sample)
    {
        bool valid = sample > 0 && double.IsFinite(sample);
        if (double.IsNaN(_prev))
        {
            if (valid) _prev = sample;
            return;
        }
        double r2 = 0;
        if (valid)
        {
            double r = Math.Log(sample / _prev);
            r2 = r * r;
            _prev = sample;
        }

        int len = _sq.Length;
        if (_count == len)
        {
            _sumLong -= _sq[_head];
            _head = _head + 1 == len ? 0 : _head + 1;
            _count--;
        }
        if (_count >= _shortCount)
        {
            int leaving = _head + _count - _shortCount;
            if (leaving >= len) leaving -= len;
            _sumShort -= _sq[leaving];
        }
        int tail = _head + _count;
        if (tail >= len) tail -= len;
        _sq[tail] = r2;
        _count++;
        _sumShort += r2;
        _sumLong += r2;

        if (++_sinceRebuild >= len) Rebuild();
    }

    /// <summary>Forgets all samples.</summary>
    public void Clear()
    {
        _head = _count = _sinceRebuild = 0;
        _sumShort = _sumLong = 0;
        _prev = double.NaN;
    }

    private double Rv(double sum, int n) => n == 0 ? 0 : Math.Sqrt(Math.Max(0, sum) / (n * _intervalSeconds)) * 1e4;

    private void Rebuild()
    {
        _sinceRebuild = 0;
        double s = 0, l = 0;
        int len = _sq.Length;
        for (int k = 0; k < _count; k++)
        {
            int i = _head + k;
            if (i >= len) i -= len;
            l += _sq[i];
            if (k >= _count - _shortCount) s += _sq[i];
        }
        _sumShort = s;
        _sumLong = l;
    }
}
