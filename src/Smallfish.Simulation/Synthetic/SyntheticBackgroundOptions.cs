namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// The plain-noise market between episodes. Defaults are calibrated roughly to real Binance USD-M BTCUSDT
/// (shared/data/real/hftbacktest-binance-usdm, 2024-07-19 00:00-00:05 and 2024-08-08 23:54-00:00 UTC, tick 0.1,
/// step 0.001), measured with a throw-away script over the trade, bookTicker and depth streams:
/// <list type="bullet">
/// <item>trades: 32 and 62 prints/s; 10-15 distinct trade milliseconds/s with 3.2-4.1 prints each; print size
/// p50 0.013-0.016, p90 0.23-0.27, p99 1.1-1.7, mean 0.11 BTC.</item>
/// <item>spread 1 tick in 94-97.5% of bookTicker updates; best-level size median 2.7-8.7 BTC.</item>
/// <item>mid changes 3.1-5.9 times/s, |change| median 3-4 ticks, p90 15-21, p99 62-99.</item>
/// <item>book: 50 levels span 92-147 ticks (35-55% of ticks occupied); level size p50 0.02-0.09, p90 0.6-1.1 BTC;
/// 59-63 level changes/s within 20 ticks of the touch (of 1,100-1,300/s in all, the rest far from the touch).</item>
/// </list>
/// The generator matches the trade, spread, touch and mid figures; it emits far-from-touch churn at a much lower rate
/// than the real diff stream (it carries no information and would only bloat the stream).
/// </summary>
public sealed record SyntheticBackgroundOptions
{
    /// <summary>Aggressive (taker) orders per second, random side. Real: 10-15 distinct trade ms per second.</summary>
    public double TakerOrdersPerSecond { get; init; } = 12;

    /// <summary>Mean number of prints one taker order makes (one per maker matched). Real: 3.2-4.1 per ms.</summary>
    public double MeanPrintsPerTakerOrder { get; init; } = 2.7;

    /// <summary>Median print size in base quantity. Real p50: 0.013-0.016 BTC.</summary>
    public decimal MedianTradeQty { get; init; } = 0.015m;

    /// <summary>Log-space sigma of print sizes; 2.0 gives p90 0.19, p99 1.6, mean 0.11 with the default median.</summary>
    public double TradeQtySigma { get; init; } = 2.0;

    /// <summary>Largest background print in base quantity (whale episodes go well above).</summary>
    public decimal MaxTradeQty { get; init; } = 5m;

    /// <summary>Median size of a freshly quoted touch level in base quantity. Real best-level median 2.7-8.7 BTC.</summary>
    public decimal MedianTouchQty { get; init; } = 3m;

    /// <summary>Log-space sigma of fresh touch sizes.</summary>
    public double TouchQtySigma { get; init; } = 0.9;

    /// <summary>Median size of a level behind the touch in base quantity. Real p50 0.02-0.09 BTC.</summary>
    public decimal MedianLevelQty { get; init; } = 0.05m;

    /// <summary>Log-space sigma of level sizes (heavy tail: p90 about 0.4 BTC with the defaults).</summary>
    public double LevelQtySigma { get; init; } = 1.6;

    /// <summary>Median size of one limit order joining the touch, in base quantity.</summary>
    public decimal MedianTouchAddQty { get; init; } = 0.5m;

    /// <summary>Fraction of ticks behind the touch holding a level. Real: 0.35-0.55.</summary>
    public double LevelOccupancy { get; init; } = 0.5;

    /// <summary>How far from the touch, in ticks, the book is kept populated.</summary>
    public int DepthTicks { get; init; } = 150;

    /// <summary>Fewest levels per side at any time (refilled at once, far from the touch, when the book drops below).</summary>
    public int MinLevels { get; init; } = 50;

    /// <summary>Levels per side the far-book process steers toward.</summary>
    public int TargetLevels { get; init; } = 75;

    /// <summary>Limit orders added near the touch per second (both sides). Real: about 60 level changes/s within 20 ticks.</summary>
    public double NearAddsPerSecond { get; init; } = 20;

    /// <summary>Cancels near the touch per second (both sides).</summary>
    public double NearCancelsPerSecond { get; init; } = 20;

    /// <summary>Near-touch flow lands within this many ticks (or levels, for cancels) of the touch.</summary>
    public int NearTicks { get; init; } = 20;

    /// <summary>Share of near-touch adds and cancels that go to the touch itself.</summary>
    public double TouchShare { get; init; } = 0.3;

    /// <summary>Adds and removals far from the touch per second (both sides) that keep the deep book alive.</summary>
    public double FarUpdatesPerSecond { get; init; } = 20;

    /// <summary>Quote moves (mid jumps) per second. Real: mid changes 3.1-5.9/s.</summary>
    public double MidJumpsPerSecond { get; init; } = 3;

    /// <summary>Median mid jump in ticks. Real |change| median 3-4 ticks.</summary>
    public double MedianJumpTicks { get; init; } = 3.5;

    /// <summary>Log-space sigma of jump sizes; 1.25 gives p90 15 and p99 56 ticks with the default median. Real p90 15-21, p99 62-99.</summary>
    public double JumpTicksSigma { get; init; } = 1.25;

    /// <summary>Largest single jump in ticks.</summary>
    public int MaxJumpTicks { get; init; } = 100;

    /// <summary>Probability that a jump is led by an aggressive print at the old touch (otherwise quotes just move).</summary>
    public double JumpTradeProbability { get; init; } = 0.5;

    /// <summary>Probability that a requote leaves a 2-tick spread instead of 1.</summary>
    public double WideSpreadProbability { get; init; } = 0.02;

    /// <summary>Mean time until a spread wider than one tick is narrowed by a new quote inside it.</summary>
    public TimeSpan SpreadRefillMean { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Largest number of levels a background taker order walks through.</summary>
    public int MaxWalkLevels { get; init; } = 3;

    /// <summary>
    /// Approximate mid volatility of the background in ticks per square-root second (jump rate times mean squared jump;
    /// touch depletion adds a little). Episodes size their moves in these units.
    /// </summary>
    public double SigmaTicksPerSqrtSecond =>
        Math.Sqrt(MidJumpsPerSecond * MedianJumpTicks * MedianJumpTicks * Math.Exp(2 * JumpTicksSigma * JumpTicksSigma));

    internal void Validate(List<string> errors)
    {
        static void Positive(List<string> e, string name, double v) { if (!(v > 0) || double.IsInfinity(v)) e.Add($"Background.{name} = {v}: must be > 0"); }
        static void NonNegative(List<string> e, string name, double v) { if (!(v >= 0) || double.IsInfinity(v)) e.Add($"Background.{name} = {v}: must be >= 0"); }
        static void Probability(List<string> e, string name, double v) { if (!(v >= 0 && v <= 1)) e.Add($"Background.{name} = {v}: must be in [0, 1]"); }
        NonNegative(errors, nameof(TakerOrdersPerSecond), TakerOrdersPerSecond);
        if (!(MeanPrintsPerTakerOrder >= 1)) errors.Add($"Background.{nameof(MeanPrintsPerTakerOrder)} = {MeanPrintsPerTakerOrder}: must be >= 1");
        Positive(errors, nameof(MedianTradeQty), (double)MedianTradeQty);
        NonNegative(errors, nameof(TradeQtySigma), TradeQtySigma);
        if (MaxTradeQty < MedianTradeQty) errors.Add($"Background.{nameof(MaxTradeQty)} = {MaxTradeQty}: must be >= MedianTradeQty");
        Positive(errors, nameof(MedianTouchQty), (double)MedianTouchQty);
        NonNegative(errors, nameof(TouchQtySigma), TouchQtySigma);
        Positive(errors, nameof(MedianLevelQty), (double)MedianLevelQty);
        NonNegative(errors, nameof(LevelQtySigma), LevelQtySigma);
        Positive(errors, nameof(MedianTouchAddQty), (double)MedianTouchAddQty);
        if (!(LevelOccupancy > 0 && LevelOccupancy <= 1)) errors.Add($"Background.{nameof(LevelOccupancy)} = {LevelOccupancy}: must be in (0, 1]");
        if (MinLevels < 1) errors.Add($"Background.{nameof(MinLevels)} = {MinLevels}: must be >= 1");
        if (TargetLevels < MinLevels) errors.Add($"Background.{nameof(TargetLevels)} = {TargetLevels}: must be >= MinLevels ({MinLevels})");
        if (DepthTicks < TargetLevels) errors.Add($"Background.{nameof(DepthTicks)} = {DepthTicks}: must be >= TargetLevels ({TargetLevels})");
        if (NearTicks < 1 || NearTicks >= DepthTicks) errors.Add($"Background.{nameof(NearTicks)} = {NearTicks}: must be in [1, DepthTicks)");
        NonNegative(errors, nameof(NearAddsPerSecond), NearAddsPerSecond);
        NonNegative(errors, nameof(NearCancelsPerSecond), NearCancelsPerSecond);
        Probability(errors, nameof(TouchShare), TouchShare);
        NonNegative(errors, nameof(FarUpdatesPerSecond), FarUpdatesPerSecond);
        NonNegative(errors, nameof(MidJumpsPerSecond), MidJumpsPerSecond);
        Positive(errors, nameof(MedianJumpTicks), MedianJumpTicks);
        NonNegative(errors, nameof(JumpTicksSigma), JumpTicksSigma);
        if (MaxJumpTicks < 1) errors.Add($"Background.{nameof(MaxJumpTicks)} = {MaxJumpTicks}: must be >= 1");
        Probability(errors, nameof(JumpTradeProbability), JumpTradeProbability);
        Probability(errors, nameof(WideSpreadProbability), WideSpreadProbability);
        if (SpreadRefillMean <= TimeSpan.Zero) errors.Add($"Background.{nameof(SpreadRefillMean)} = {SpreadRefillMean}: must be > 0");
        if (MaxWalkLevels < 1) errors.Add($"Background.{nameof(MaxWalkLevels)} = {MaxWalkLevels}: must be >= 1");
    }
}
