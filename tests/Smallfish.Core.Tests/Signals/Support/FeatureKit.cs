using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Tests.Signals.Support;

/// <summary>Hand-made <see cref="MarketFeatures"/>: a warm, valid, calm BTC-like book at 64,000.05 (tick 0.1) that tests then bend.</summary>
internal static class FeatureKit
{
    public const long Second = 1_000_000_000;
    public const long T0 = 1_700_000_000L * Second;
    public const double Mid = 640_000.5;

    /// <summary>Baseline volatility, bps per square-root second.</summary>
    public const double Vol = 0.5;

    public static MarketFeatures Calm(long nowNs = T0) => new()
    {
        NowNs = nowNs,
        LastBookNs = nowNs,
        LastTradeNs = nowNs,
        BookAgeMs = 0,
        TradeAgeMs = 0,
        FeedLatencyMs = 5,
        IsBookValid = true,
        IsWarm = true,
        BestBidTicks = 640_000,
        BestAskTicks = 640_001,
        SpreadTicks = 1,
        MidTicks = Mid,
        MicroPriceTicks = Mid,
        EmaFastTicks = Mid,
        EmaSlowTicks = Mid,
        RvShortBps = Vol,
        RvLongBps = Vol,
        RvBaselineBps = Vol,
        Mvr = 1,
        VolRegimeRatio = 1,
        DepthBidLots = 5_000,
        DepthAskLots = 5_000,
        LiqThinness = 1,
        BuySellRatio = 0.5,
        Tps = 30,
        TpsLong = 30,
        TpsRatio = 1,
        VwapSessionTicks = Mid,
        VwapRollingTicks = Mid,
        LargeTradeThresholdLots = 400,
    };

    /// <summary>The fast-minus-slow EMA gap, in ticks, that is <paramref name="sigma"/> volatility units over <paramref name="horizonSeconds"/>.</summary>
    public static double MomentumTicks(double sigma, double horizonSeconds = 5) => sigma * Vol * Math.Sqrt(horizonSeconds) * Mid / 1e4;

    /// <summary>The rolling-VWAP deviation, in bps, that is <paramref name="sigma"/> volatility units over <paramref name="horizonSeconds"/>.</summary>
    public static double DeviationBps(double sigma, double horizonSeconds = 10) => sigma * Vol * Math.Sqrt(horizonSeconds);
}
