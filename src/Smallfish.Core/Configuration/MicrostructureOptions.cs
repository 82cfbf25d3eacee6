using System.Globalization;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Parameters of the trade tape and the feature extraction (section <c>Microstructure</c>). Every time span carries
/// its unit in its name; sizes are relative (multiples, percentiles) so one set of values fits every symbol.
/// </summary>
/// <remarks>
/// <see cref="TapeWindowsMs"/> is an array: the configuration binder appends bound array items to the defaults
/// instead of replacing them. Duplicates are harmless (the tape keeps each distinct length once) and the windows the
/// features need are always added, so a configured list can only add windows, never remove a needed one.
/// </remarks>
public sealed class MicrostructureOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Microstructure";

    // ---- trade tape ---------------------------------------------------------------------------------------------

    /// <summary>Rolling window lengths of the trade tape, ms. Defaults 1 s, 5 s, 30 s, 60 s.</summary>
    public long[] TapeWindowsMs { get; set; } = [1_000, 5_000, 30_000, 60_000];

    /// <summary>
    /// Trades the tape holds per symbol; must cover the longest window at the busiest rate. When a burst overflows it,
    /// the oldest trades leave the windows early and the tape counts an overflow.
    /// </summary>
    public int TapeCapacityTrades { get; set; } = 65_536;

    /// <summary>UTC hour (0-23) at which the session VWAP and session CVD restart each day; -1 = never.</summary>
    public int SessionResetHourUtc { get; set; }

    /// <summary>
    /// A taker order is large when its size lies above this quantile of the recent taker-order size distribution
    /// (0 &lt; p &lt; 1).
    /// </summary>
    public double LargeTradePercentile { get; set; } = 0.95;

    /// <summary>Number of recent taker orders the size distribution is built from.</summary>
    public int LargeTradeLookbackTrades { get; set; } = 2_000;

    /// <summary>Taker orders needed in the distribution before any order is classified as large.</summary>
    public int LargeTradeMinSamples { get; set; } = 200;

    /// <summary>Capacity of the ring of recent large trades (for burst detection).</summary>
    public int LargeTradeHistoryCapacity { get; set; } = 256;

    /// <summary>Window over which large trades are counted per side (LTB whale inputs), ms.</summary>
    public long WhaleWindowMs { get; set; } = 5_000;

    /// <summary>Longest pause between same-side trades that still continues one aggressive burst, ms.</summary>
    public long SweepMaxGapMs { get; set; } = 100;

    /// <summary>Distinct price levels a burst must trade through to count as a sweep.</summary>
    public int SweepMinLevels { get; set; } = 3;

    /// <summary>How long the last sweep stays reported after its last trade, ms.</summary>
    public long SweepMemoryMs { get; set; } = 5_000;

    // ---- sampling, EMAs, volatility -------------------------------------------------------------------------------

    /// <summary>
    /// Interval of the fixed time grid on which mid and OBI are sampled (volatility, rates of change), ms. A grid keeps
    /// the tick rate from biasing volatility.
    /// </summary>
    public long SampleIntervalMs { get; set; } = 100;

    /// <summary>Time constant of the fast mid EMA, ms.</summary>
    public long EmaFastMs { get; set; } = 1_000;

    /// <summary>Time constant of the slow mid EMA, ms.</summary>
    public long EmaSlowMs { get; set; } = 5_000;

    /// <summary>Short realized-volatility window, ms.</summary>
    public long RvShortWindowMs { get; set; } = 5_000;

    /// <summary>Long realized-volatility window, ms.</summary>
    public long RvLongWindowMs { get; set; } = 60_000;

    /// <summary>Upper bound of the short/long volatility ratio (MVR).</summary>
    public double MvrCap { get; set; } = 10;

    /// <summary>Time constant of the slow baseline of long-window volatility (regime input), ms.</summary>
    public long VolBaselineMs { get; set; } = 1_800_000;

    /// <summary>Upper bound of the volatility regime ratio and of values expressed in volatility units.</summary>
    public double VolRatioCap { get; set; } = 20;

    /// <summary>Window of the mid change reported as MidChangeTicks, ms.</summary>
    public long MidChangeWindowMs { get; set; } = 5_000;

    // ---- order book ---------------------------------------------------------------------------------------------

    /// <summary>Levels per side in the order-book imbalance.</summary>
    public int ObiLevels { get; set; } = 5;

    /// <summary>Look-back of the OBI rate of change, ms.</summary>
    public long ObiRocWindowMs { get; set; } = 1_000;

    /// <summary>
    /// Levels per side whose resting size is the near-touch depth (liquidity features). A level count keeps the cost per
    /// book event fixed; thinness compares the depth with its own average, so the count need not match the symbol.
    /// </summary>
    public int LiqDepthLevels { get; set; } = 20;

    /// <summary>Time constant of the rolling average of near-touch depth, ms.</summary>
    public long LiqAverageMs { get; set; } = 60_000;

    /// <summary>Upper bound of the liquidity thinness ratio (reached when the band is empty).</summary>
    public double LiqThinnessCap { get; set; } = 10;

    // ---- trade flow ---------------------------------------------------------------------------------------------

    /// <summary>Short flow window: CVD, buy/sell ratio, trades per second, ms (CVD acceleration also uses twice this).</summary>
    public long FlowShortWindowMs { get; set; } = 5_000;

    /// <summary>Long flow window: the trades-per-second baseline and the typical volume, ms.</summary>
    public long FlowLongWindowMs { get; set; } = 60_000;

    /// <summary>Window over which price direction and CVD direction are compared for divergence, ms.</summary>
    public long DivergenceWindowMs { get; set; } = 30_000;

    /// <summary>Window of the rolling VWAP, ms.</summary>
    public long VwapWindowMs { get; set; } = 60_000;

    // ---- absorption, icebergs, spoofing ---------------------------------------------------------------------------

    /// <summary>Time constant with which absorbed volume fades, ms.</summary>
    public long AbsorptionWindowMs { get; set; } = 5_000;

    /// <summary>How long a side's best price must stay through the defended level before the defense counts as broken, ms.</summary>
    public long AbsorptionBreakGraceMs { get; set; } = 500;

    /// <summary>An iceberg episode ends after this long without trades at its level, ms.</summary>
    public long IceWindowMs { get; set; } = 10_000;

    /// <summary>Refills of a traded level needed before traded volume above the visible size counts as hidden.</summary>
    public int IceMinRefills { get; set; } = 1;

    /// <summary>An added size counts as a spoof candidate only within this many ticks of the same side's best price.</summary>
    public long SpoofMaxDistanceTicks { get; set; } = 10;

    /// <summary>An added size counts as large when it is at least this multiple of the side's average level size.</summary>
    public double SpoofSizeMultiple { get; set; } = 3;

    /// <summary>Levels from the touch over which the average level size (the yardstick of "large") is taken.</summary>
    public int SpoofReferenceLevels { get; set; } = 10;

    /// <summary>A large add that is pulled later than this after it appeared is not treated as a spoof, ms.</summary>
    public long SpoofMaxLifetimeMs { get; set; } = 3_000;

    /// <summary>Wait after a pull for trades that arrive late on the trade stream and explain the decrease, ms.</summary>
    public long SpoofTradeGraceMs { get; set; } = 250;

    /// <summary>Time constant with which pulled (spoofed) size fades from the score, ms.</summary>
    public long SpoofWindowMs { get; set; } = 10_000;

    /// <summary>
    /// Time constant of the slow average of pulled size that the spoof scores are measured against (the usual amount of
    /// pulling for this symbol), ms.
    /// </summary>
    public long SpoofBaselineMs { get; set; } = 300_000;

    /// <summary>Spoof candidates remembered per side.</summary>
    public int SpoofPendingCapacity { get; set; } = 32;

    /// <summary>
    /// Checks every value and returns one line per broken rule (key, value, rule); empty when all are valid.
    /// Allocates; call at start-up only.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Rule(bool ok, string key, object value, string rule)
        {
            if (!ok) errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} = {value}: {rule}"));
        }

        Rule(TapeWindowsMs is not null, nameof(TapeWindowsMs), "null", "must be a list of window lengths");
        if (TapeWindowsMs is not null)
        {
            foreach (long w in TapeWindowsMs) Rule(w > 0, nameof(TapeWindowsMs), w, "every window must be > 0 ms");
        }
        Rule(TapeCapacityTrades >= 16, nameof(TapeCapacityTrades), TapeCapacityTrades, "must be >= 16");
        Rule(SessionResetHourUtc is >= -1 and <= 23, nameof(SessionResetHourUtc), SessionResetHourUtc, "must be -1 (never) or 0..23");
        Rule(LargeTradePercentile is > 0 and < 1, nameof(LargeTradePercentile), LargeTradePercentile, "must be in (0, 1)");
        Rule(LargeTradeLookbackTrades >= 10, nameof(LargeTradeLookbackTrades), LargeTradeLookbackTrades, "must be >= 10");
        Rule(LargeTradeMinSamples >= 1 && LargeTradeMinSamples <= LargeTradeLookbackTrades, nameof(LargeTradeMinSamples), LargeTradeMinSamples, "must be in 1..LargeTradeLookbackTrades");
        Rule(LargeTradeHistoryCapacity >= 1, nameof(LargeTradeHistoryCapacity), LargeTradeHistoryCapacity, "must be >= 1");
        Rule(WhaleWindowMs > 0, nameof(WhaleWindowMs), WhaleWindowMs, "must be > 0");
        Rule(SweepMaxGapMs >= 0, nameof(SweepMaxGapMs), SweepMaxGapMs, "must be >= 0");
        Rule(SweepMinLevels >= 2, nameof(SweepMinLevels), SweepMinLevels, "must be >= 2");
        Rule(SweepMemoryMs > 0, nameof(SweepMemoryMs), SweepMemoryMs, "must be > 0");
        Rule(SampleIntervalMs > 0, nameof(SampleIntervalMs), SampleIntervalMs, "must be > 0");
        Rule(EmaFastMs > 0, nameof(EmaFastMs), EmaFastMs, "must be > 0");
        Rule(EmaSlowMs > EmaFastMs, nameof(EmaSlowMs), EmaSlowMs, "must be > EmaFastMs");
        Rule(RvShortWindowMs >= 2 * SampleIntervalMs, nameof(RvShortWindowMs), RvShortWindowMs, "must span at least two samples (2 x SampleIntervalMs)");
        Rule(RvLongWindowMs > RvShortWindowMs, nameof(RvLongWindowMs), RvLongWindowMs, "must be > RvShortWindowMs");
        Rule(MvrCap > 1, nameof(MvrCap), MvrCap, "must be > 1");
        Rule(VolBaselineMs > 0, nameof(VolBaselineMs), VolBaselineMs, "must be > 0");
        Rule(VolRatioCap > 1, nameof(VolRatioCap), VolRatioCap, "must be > 1");
        Rule(MidChangeWindowMs >= SampleIntervalMs, nameof(MidChangeWindowMs), MidChangeWindowMs, "must be >= SampleIntervalMs");
        Rule(ObiLevels >= 1, nameof(ObiLevels), ObiLevels, "must be >= 1");
        Rule(ObiRocWindowMs >= SampleIntervalMs, nameof(ObiRocWindowMs), ObiRocWindowMs, "must be >= SampleIntervalMs");
        Rule(LiqDepthLevels >= 1, nameof(LiqDepthLevels), LiqDepthLevels, "must be >= 1");
        Rule(LiqAverageMs > 0, nameof(LiqAverageMs), LiqAverageMs, "must be > 0");
        Rule(LiqThinnessCap > 1, nameof(LiqThinnessCap), LiqThinnessCap, "must be > 1");
        Rule(FlowShortWindowMs > 0, nameof(FlowShortWindowMs), FlowShortWindowMs, "must be > 0");
        Rule(FlowLongWindowMs > FlowShortWindowMs, nameof(FlowLongWindowMs), FlowLongWindowMs, "must be > FlowShortWindowMs");
        Rule(DivergenceWindowMs >= SampleIntervalMs, nameof(DivergenceWindowMs), DivergenceWindowMs, "must be >= SampleIntervalMs");
        Rule(VwapWindowMs > 0, nameof(VwapWindowMs), VwapWindowMs, "must be > 0");
        Rule(AbsorptionWindowMs > 0, nameof(AbsorptionWindowMs), AbsorptionWindowMs, "must be > 0");
        Rule(AbsorptionBreakGraceMs >= 0, nameof(AbsorptionBreakGraceMs), AbsorptionBreakGraceMs, "must be >= 0");
        Rule(IceWindowMs > 0, nameof(IceWindowMs), IceWindowMs, "must be > 0");
        Rule(IceMinRefills >= 0, nameof(IceMinRefills), IceMinRefills, "must be >= 0");
        Rule(SpoofMaxDistanceTicks >= 0, nameof(SpoofMaxDistanceTicks), SpoofMaxDistanceTicks, "must be >= 0");
        Rule(SpoofSizeMultiple > 0, nameof(SpoofSizeMultiple), SpoofSizeMultiple, "must be > 0");
        Rule(SpoofReferenceLevels >= 1, nameof(SpoofReferenceLevels), SpoofReferenceLevels, "must be >= 1");
        Rule(SpoofMaxLifetimeMs > 0, nameof(SpoofMaxLifetimeMs), SpoofMaxLifetimeMs, "must be > 0");
        Rule(SpoofTradeGraceMs >= 0, nameof(SpoofTradeGraceMs), SpoofTradeGraceMs, "must be >= 0");
        Rule(SpoofWindowMs > 0, nameof(SpoofWindowMs), SpoofWindowMs, "must be > 0");
        Rule(SpoofBaselineMs > SpoofWindowMs, nameof(SpoofBaselineMs), SpoofBaselineMs, "must be > SpoofWindowMs");
        Rule(SpoofPendingCapacity >= 1, nameof(SpoofPendingCapacity), SpoofPendingCapacity, "must be >= 1");
        return errors;
    }
}
