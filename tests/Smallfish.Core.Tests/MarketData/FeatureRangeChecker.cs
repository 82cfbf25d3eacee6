using System.Reflection;
using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Tests.MarketData;

/// <summary>Checks a <see cref="MarketFeatures"/> against the ranges its XML docs promise.</summary>
internal static class FeatureRangeChecker
{
    private static readonly FieldInfo[] DoubleFields =
        typeof(MarketFeatures).GetFields().Where(f => f.FieldType == typeof(double)).ToArray();

    /// <summary>The first broken promise, or null. Call only once the book and a trade have been seen.</summary>
    public static string? FirstViolation(in MarketFeatures f, MicrostructureOptions o)
    {
        object boxed = f;
        foreach (var field in DoubleFields)
        {
            double v = (double)field.GetValue(boxed)!;
            if (!double.IsFinite(v)) return $"{field.Name} = {v} is not finite";
        }

        string? r = null;
        r ??= In(nameof(f.Obi), f.Obi, -1, 1);
        r ??= In(nameof(f.MicroPressure), f.MicroPressure, -1, 1);
        r ??= In(nameof(f.LiqAsymmetry), f.LiqAsymmetry, -1, 1);
        r ??= In(nameof(f.CvdNorm), f.CvdNorm, -1, 1);
        r ??= In(nameof(f.CvdAccel), f.CvdAccel, -1, 1);
        r ??= In(nameof(f.CvdDivergence), f.CvdDivergence, -1, 1);
        r ??= In(nameof(f.WhaleImbalance), f.WhaleImbalance, -1, 1);
        r ??= In(nameof(f.Absorption), f.Absorption, -1, 1);
        r ??= In(nameof(f.BuySellRatio), f.BuySellRatio, 0, 1);
        r ??= In(nameof(f.AbsorptionBid), f.AbsorptionBid, 0, 1);
        r ??= In(nameof(f.AbsorptionAsk), f.AbsorptionAsk, 0, 1);
        r ??= InOpen(nameof(f.IceAbsorbBid), f.IceAbsorbBid, 0, 1);
        r ??= InOpen(nameof(f.IceAbsorbAsk), f.IceAbsorbAsk, 0, 1);
        r ??= In(nameof(f.SpoofBid), f.SpoofBid, 0, 1);
        r ??= In(nameof(f.SpoofAsk), f.SpoofAsk, 0, 1);
        r ??= In(nameof(f.SpoofPulledBidLots), f.SpoofPulledBidLots, 0, double.MaxValue);
        r ??= In(nameof(f.SpoofPulledAskLots), f.SpoofPulledAskLots, 0, double.MaxValue);
        r ??= In(nameof(f.Mvr), f.Mvr, 0, o.MvrCap);
        r ??= In(nameof(f.VolRegimeRatio), f.VolRegimeRatio, 0, o.VolRatioCap);
        r ??= In(nameof(f.VwapDevSigma), f.VwapDevSigma, -o.VolRatioCap, o.VolRatioCap);
        r ??= In(nameof(f.LiqThinness), f.LiqThinness, 0, o.LiqThinnessCap);
        r ??= In(nameof(f.TpsRatio), f.TpsRatio, 0, (double)o.FlowLongWindowMs / o.FlowShortWindowMs + 1e-9);
        double rocBound = 2 / (o.ObiRocWindowMs / 1e3) + 1e-9;
        r ??= In(nameof(f.ObiRocPerSecond), f.ObiRocPerSecond, -rocBound, rocBound);
        r ??= In(nameof(f.RvShortBps), f.RvShortBps, 0, double.MaxValue);
        r ??= In(nameof(f.RvLongBps), f.RvLongBps, 0, double.MaxValue);
        r ??= In(nameof(f.RvBaselineBps), f.RvBaselineBps, 0, double.MaxValue);
        r ??= In(nameof(f.Tps), f.Tps, 0, double.MaxValue);
        r ??= In(nameof(f.TpsLong), f.TpsLong, 0, double.MaxValue);
        r ??= In(nameof(f.DepthBidLots), f.DepthBidLots, 0, double.MaxValue);
        r ??= In(nameof(f.DepthAskLots), f.DepthAskLots, 0, double.MaxValue);
        r ??= In(nameof(f.BookAgeMs), f.BookAgeMs, 0, double.MaxValue);
        r ??= In(nameof(f.TradeAgeMs), f.TradeAgeMs, 0, double.MaxValue);
        r ??= In(nameof(f.SweepAgeMs), f.SweepAgeMs, 0, o.SweepMemoryMs);
        r ??= In(nameof(f.SweepSide), f.SweepSide, -1, 1);
        if (r is null && f.SweepLevels != 0 && f.SweepLevels < o.SweepMinLevels) r = $"SweepLevels = {f.SweepLevels} below the sweep threshold";
        if (r is null && (f.SweepTicks < 0 || f.SweepLots < 0 || f.LargeBuyLots < 0 || f.LargeSellLots < 0)) r = "negative sweep or whale size";
        if (r is null && f.IsBookValid)
        {
            r ??= In(nameof(f.SpreadTicks), f.SpreadTicks, 1, double.MaxValue);
            r ??= In(nameof(f.MicroPriceTicks), f.MicroPriceTicks, f.BestBidTicks, f.BestAskTicks);
            r ??= In(nameof(f.MicroPressureTicks), f.MicroPressureTicks, -f.SpreadTicks / 2.0, f.SpreadTicks / 2.0);
            r ??= In(nameof(f.MidTicks), f.MidTicks, f.BestBidTicks, f.BestAskTicks);
        }
        return r;
    }

    private static string? In(string name, double v, double lo, double hi) =>
        v >= lo && v <= hi ? null : $"{name} = {v} outside [{lo}, {hi}]";

    private static string? InOpen(string name, double v, double lo, double hi) =>
        v >= lo && v < hi ? null : $"{name} = {v} outside [{lo}, {hi})";
}
