namespace Smallfish.Monitoring.Dashboard;

/// <summary>Maps times and values onto a <see cref="DotCanvas"/>: x by time, y by value (high values at the top).</summary>
internal readonly struct ChartScale
{
    private readonly long _t0;
    private readonly long _t1;

    public ChartScale(long t0, long t1, double lo, double hi, int dotsWide, int dotsHigh)
    {
        _t0 = t0;
        _t1 = t1;
        if (!(hi > lo))
        {
            // Flat series: open a small band around the value so it draws mid-height.
            double pad = Math.Max(Math.Abs(lo) * 1e-4, 1e-9);
            lo -= pad;
            hi += pad;
        }
        Lo = lo;
        Hi = hi;
        DotsWide = dotsWide;
        DotsHigh = dotsHigh;
    }

    public double Lo { get; }

    public double Hi { get; }

    public int DotsWide { get; }

    public int DotsHigh { get; }

    public bool Contains(long t) => t >= _t0 && t <= _t1;

    public int X(long t)
    {
        if (_t1 <= _t0) return DotsWide / 2;
        double f = (double)(t - _t0) / (_t1 - _t0);
        return (int)Math.Round(Math.Clamp(f, 0, 1) * (DotsWide - 1));
    }

    public int Y(double value)
    {
        double f = (Hi - value) / (Hi - Lo);
        if (!double.IsFinite(f)) f = 0.5;
        return (int)Math.Round(Math.Clamp(f, 0, 1) * (DotsHigh - 1));
    }

    /// <summary>The cell row of <paramref name="value"/>.</summary>
    public int Row(double value) => Y(value) / 4;

    /// <summary>A range padded by <paramref name="fraction"/> of its span on both sides.</summary>
    public static (double Lo, double Hi) Pad(double lo, double hi, double fraction)
    {
        double span = hi - lo;
        if (span <= 0) return (lo, hi);
        return (lo - span * fraction, hi + span * fraction);
    }
}
