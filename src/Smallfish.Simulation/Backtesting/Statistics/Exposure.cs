namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>Fraction of a session spent with a position open.</summary>
public static class Exposure
{
    /// <summary>
    /// Length of the union of <paramref name="intervals"/> clipped to [<paramref name="startNs"/>,
    /// <paramref name="endNs"/>], divided by the session length; 0 for an empty session.
    /// </summary>
    public static double Fraction(IReadOnlyList<ExposureInterval> intervals, long startNs, long endNs)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (endNs <= startNs || intervals.Count == 0) return 0;
        var clipped = new List<ExposureInterval>(intervals.Count);
        foreach (var iv in intervals)
        {
            long s = Math.Max(iv.StartNs, startNs), e = Math.Min(iv.EndNs, endNs);
            if (e > s) clipped.Add(new ExposureInterval(s, e));
        }
        clipped.Sort(static (a, b) => a.StartNs != b.StartNs ? a.StartNs.CompareTo(b.StartNs) : a.EndNs.CompareTo(b.EndNs));
        long covered = 0, curStart = 0, curEnd = long.MinValue;
        foreach (var iv in clipped)
        {
            if (iv.StartNs > curEnd)
            {
                if (curEnd > curStart) covered += curEnd - curStart;
                curStart = iv.StartNs;
                curEnd = iv.EndNs;
            }
            else if (iv.EndNs > curEnd)
            {
                curEnd = iv.EndNs;
            }
        }
        if (curEnd > curStart) covered += curEnd - curStart;
        return (double)covered / (endNs - startNs);
    }
}
