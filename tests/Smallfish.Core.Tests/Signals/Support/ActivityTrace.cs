using Smallfish.Core.Signals;

namespace Smallfish.Core.Tests.Signals.Support;

/// <summary>
/// What every signal said after every evaluation of a run, compactly: time, a bit per signal active to the buy side,
/// a bit per signal active to the sell side, and the regime. A state holds until the next evaluation.
/// </summary>
internal sealed class ActivityTrace
{
    private readonly List<long> _ts = [];
    private readonly List<ushort> _buy = [];
    private readonly List<ushort> _sell = [];
    private readonly List<byte> _regime = [];

    public int Count => _ts.Count;

    public void Record(FusionResult r)
    {
        ushort buy = 0, sell = 0;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            if (!r.Active[i]) continue;
            if (r.Scores[i] > 0) buy |= (ushort)(1 << i);
            else if (r.Scores[i] < 0) sell |= (ushort)(1 << i);
        }
        _ts.Add(r.TsNs);
        _buy.Add(buy);
        _sell.Add(sell);
        _regime.Add((byte)r.Regime);
    }

    /// <summary>Index of the first record at or after <paramref name="ts"/>.</summary>
    public int FirstAtOrAfter(long ts)
    {
        int lo = 0, hi = _ts.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_ts[mid] < ts) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>True when <paramref name="id"/> was active with sign <paramref name="direction"/> (0 = either) at some time in [from, to).</summary>
    public bool ActiveWithin(SignalId id, int direction, long from, long to)
    {
        int bit = 1 << (int)id;
        // The state in effect at 'from' is the last record before it.
        int i = Math.Max(0, FirstAtOrAfter(from) - 1);
        for (; i < _ts.Count && _ts[i] < to; i++)
        {
            if (i + 1 < _ts.Count && _ts[i + 1] <= from) continue;
            bool buy = (_buy[i] & bit) != 0, sell = (_sell[i] & bit) != 0;
            if (direction > 0 ? buy : direction < 0 ? sell : buy || sell) return true;
        }
        return false;
    }

    /// <summary>True when the regime was <paramref name="regime"/> at some time in [from, to).</summary>
    public bool RegimeWithin(VolatilityRegime regime, long from, long to)
    {
        int i = Math.Max(0, FirstAtOrAfter(from) - 1);
        for (; i < _ts.Count && _ts[i] < to; i++)
        {
            if (i + 1 < _ts.Count && _ts[i + 1] <= from) continue;
            if (_regime[i] == (byte)regime) return true;
        }
        return false;
    }

    /// <summary>Time in [from, to) during which <paramref name="id"/> was active (either side), ns.</summary>
    public long ActiveTime(SignalId id, long from, long to)
    {
        int bit = 1 << (int)id;
        long total = 0;
        int i = Math.Max(0, FirstAtOrAfter(from) - 1);
        for (; i < _ts.Count && _ts[i] < to; i++)
        {
            long a = Math.Max(from, _ts[i]);
            long b = i + 1 < _ts.Count ? Math.Min(to, _ts[i + 1]) : to;
            if (b <= a) continue;
            if (((_buy[i] | _sell[i]) & bit) != 0) total += b - a;
        }
        return total;
    }

    /// <summary>Time in [from, to) during which the regime was <paramref name="regime"/>, ns.</summary>
    public long RegimeTime(VolatilityRegime regime, long from, long to)
    {
        long total = 0;
        int i = Math.Max(0, FirstAtOrAfter(from) - 1);
        for (; i < _ts.Count && _ts[i] < to; i++)
        {
            long a = Math.Max(from, _ts[i]);
            long b = i + 1 < _ts.Count ? Math.Min(to, _ts[i + 1]) : to;
            if (b > a && _regime[i] == (byte)regime) total += b - a;
        }
        return total;
    }
}
