using Smallfish.Core.Configuration;

namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Writes the trade-flow features (CVD, trade intensity, VWAP, whales, sweeps, price/flow divergence) of one symbol from
/// its <see cref="TradeTape"/> into a <see cref="MarketFeatures"/>.
/// </summary>
internal sealed class FlowFeatureWriter
{
    private const long Ms = 1_000_000;
    private readonly MicrostructureOptions _o;
    private readonly TradeTape _tape;
    private readonly int _short;
    private readonly int _short2;
    private readonly int _long;
    private readonly int _divergence;
    private readonly int _vwap;
    private readonly double _shortSeconds;
    private readonly double _longSeconds;
    private readonly double _divergenceSeconds;
    private readonly double _rvLongSeconds;

    public FlowFeatureWriter(MicrostructureOptions options, TradeTape tape)
    {
        _o = options;
        _tape = tape;
        _short = Require(tape, options.FlowShortWindowMs);
        _short2 = Require(tape, 2 * options.FlowShortWindowMs);
        _long = Require(tape, options.FlowLongWindowMs);
        _divergence = Require(tape, options.DivergenceWindowMs);
        _vwap = Require(tape, options.VwapWindowMs);
        _shortSeconds = options.FlowShortWindowMs / 1e3;
        _longSeconds = options.FlowLongWindowMs / 1e3;
        _divergenceSeconds = options.DivergenceWindowMs / 1e3;
        _rvLongSeconds = options.RvLongWindowMs / 1e3;
    }

    /// <summary>The configured tape windows plus every window the features read, ms.</summary>
    public static long[] TapeWindowsMs(MicrostructureOptions o)
    {
        var configured = o.EffectiveTapeWindowsMs;
        var all = new long[configured.Count + 5];
        int k = 0;
        foreach (long w in configured) all[k++] = w;
        all[k++] = o.FlowShortWindowMs;
        all[k++] = 2 * o.FlowShortWindowMs;
        all[k++] = o.FlowLongWindowMs;
        all[k++] = o.DivergenceWindowMs;
        all[k] = o.VwapWindowMs;
        return all;
    }

    /// <summary>Volume that normally trades in one absorption fade time, from the long window's pace, lots.</summary>
    public double TypicalVolumeLots(long now, long firstNs)
    {
        ref readonly var l = ref _tape.Window(_long);
        return l.VolumeLots / LongSeconds(now, firstNs) * (_o.AbsorptionWindowMs / 1e3);
    }

    public void Write(ref MarketFeatures f, long now, long firstNs, double mid, GridSeries midGrid)
    {
        ref readonly var s = ref _tape.Window(_short);
        ref readonly var s2 = ref _tape.Window(_short2);
        ref readonly var l = ref _tape.Window(_long);

        f.CvdTotalLots = _tape.CvdTotalLots;
        f.CvdShortLots = s.CvdLots;
        f.BuyShortLots = s.BuyLots;
        f.SellShortLots = s.SellLots;
        f.CvdNorm = s.CvdNorm;
        long prevCvd = s2.CvdLots - s.CvdLots;
        long prevVolume = s2.VolumeLots - s.VolumeLots;
        long accelVolume = s.VolumeLots + prevVolume;
        f.CvdAccel = accelVolume > 0 ? (double)(s.CvdLots - prevCvd) / accelVolume : 0;
        f.BuySellRatio = s.VolumeLots > 0 ? (double)s.BuyLots / s.VolumeLots : 0.5;
        f.Tps = s.Count / _shortSeconds;
        f.TpsLong = l.Count / LongSeconds(now, firstNs);
        f.TpsRatio = f.TpsLong > 0 ? f.Tps / f.TpsLong : 0;

        WriteDivergence(ref f, now, mid, midGrid);
        WriteVwap(ref f, mid);
        WriteWhales(ref f, now);
        WriteSweep(ref f, now);
    }

    // The long window's pace is measured over the elapsed time while it is still filling, but never over less than
    // the short window (so the ratio starts at 1, not at long/short).
    private double LongSeconds(long now, long firstNs)
    {
        double elapsed = (now - firstNs) / 1e9;
        return Math.Clamp(elapsed, _shortSeconds, _longSeconds);
    }

    private void WriteDivergence(ref MarketFeatures f, long now, double mid, GridSeries midGrid)
    {
        double flow = _tape.Window(_divergence).CvdNorm;
        double then = midGrid.ValueAt(now - _o.DivergenceWindowMs * Ms);
        double volBps = f.RvLongBps * Math.Sqrt(_divergenceSeconds);
        double priceDir = 0;
        if (double.IsFinite(mid) && then > 0 && volBps > 0) priceDir = Math.Tanh((mid - then) / then * 1e4 / volBps);
        f.CvdDivergence = priceDir * flow < 0 ? Math.Sign(flow) * Math.Min(Math.Abs(flow), Math.Abs(priceDir)) : 0;
    }

    private void WriteVwap(ref MarketFeatures f, double mid)
    {
        double session = _tape.SessionVwapTicks;
        double rolling = _tape.Window(_vwap).VwapTicks;
        if (!double.IsFinite(mid))
        {
            f.VwapSessionTicks = double.IsFinite(session) ? session : 0;
            f.VwapRollingTicks = double.IsFinite(rolling) ? rolling : 0;
            f.VwapDevBps = f.VwapRollingDevBps = f.VwapDevSigma = 0;
            return;
        }
        f.VwapSessionTicks = double.IsFinite(session) ? session : mid;
        f.VwapRollingTicks = double.IsFinite(rolling) ? rolling : mid;
        f.VwapDevBps = (mid - f.VwapSessionTicks) / f.VwapSessionTicks * 1e4;
        f.VwapRollingDevBps = (mid - f.VwapRollingTicks) / f.VwapRollingTicks * 1e4;
        double volBps = f.RvLongBps * Math.Sqrt(_rvLongSeconds);
        f.VwapDevSigma = volBps > 0 ? Math.Clamp(f.VwapDevBps / volBps, -_o.VolRatioCap, _o.VolRatioCap) : 0;
    }

    private void WriteWhales(ref MarketFeatures f, long now)
    {
        var large = _tape.LargeTrades;
        var sum = large.Summarize(now, _o.WhaleWindowMs * Ms);
        f.LargeTradeThresholdLots = large.ThresholdLots;
        f.LargeBuyCount = sum.BuyCount;
        f.LargeSellCount = sum.SellCount;
        f.LargeBuyLots = sum.BuyLots;
        f.LargeSellLots = sum.SellLots;
        long total = sum.BuyLots + sum.SellLots;
        f.WhaleImbalance = total > 0 ? (double)(sum.BuyLots - sum.SellLots) / total : 0;
    }

    private void WriteSweep(ref MarketFeatures f, long now)
    {
        var sweep = _tape.Bursts.LastSweep;
        if (sweep.HasValue && now - sweep.LastNs <= _o.SweepMemoryMs * Ms)
        {
            f.SweepSide = (long)sweep.Side;
            f.SweepLevels = sweep.Levels;
            f.SweepTicks = sweep.TicksMoved;
            f.SweepLots = sweep.Lots;
            f.SweepAgeMs = (now - sweep.LastNs) / 1e6;
        }
        else
        {
            f.SweepSide = f.SweepLevels = f.SweepTicks = f.SweepLots = 0;
            f.SweepAgeMs = 0;
        }
    }

    private static int Require(TradeTape tape, long windowMs)
    {
        int i = tape.IndexOfWindow(windowMs);
        if (i < 0) throw new InvalidOperationException($"the tape has no {windowMs} ms window");
        return i;
    }
}
