using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Microstructure</c>: parameters of the trade tape and the feature extraction. Every time span
/// carries its unit in its name; sizes are relative (multiples, percentiles) so one set of values fits every symbol.
/// Single-field rules are data annotations; <see cref="Validate"/> adds the rules between fields.
/// </summary>
public sealed class MicrostructureOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Microstructure";

    // ---- trade tape ---------------------------------------------------------------------------------------------

    /// <summary>The tape windows used when <see cref="TapeWindowsMs"/> is empty: 1 s, 5 s, 30 s, 60 s.</summary>
    public static IReadOnlyList<long> DefaultTapeWindowsMs { get; } = [1_000, 5_000, 30_000, 60_000];

    /// <summary>
    /// Rolling window lengths of the trade tape, ms; empty = <see cref="DefaultTapeWindowsMs"/>. (A list cannot carry a
    /// code default: configuration binding appends to existing items.) The windows the features read (the flow,
    /// divergence and VWAP windows, and twice the short flow window) are always added.
    /// </summary>
    public List<long> TapeWindowsMs { get; set; } = [];

    /// <summary>The configured tape windows, or the defaults when none are configured, ms.</summary>
    public IReadOnlyList<long> EffectiveTapeWindowsMs => TapeWindowsMs is { Count: > 0 } ? TapeWindowsMs : DefaultTapeWindowsMs;

    /// <summary>
    /// Trades the tape holds per symbol; must cover the longest window at the busiest rate. When a burst overflows it,
    /// the oldest trades leave the windows early and the tape counts an overflow.
    /// </summary>
    [Range(16, 1 << 30)]
    public int TapeCapacityTrades { get; set; } = 65_536;

    /// <summary>UTC hour (0-23) at which the session VWAP and session CVD restart each day; -1 = never.</summary>
    [Range(-1, 23)]
    public int SessionResetHourUtc { get; set; }

    /// <summary>
    /// A taker order is large when its size lies above this quantile of the recent taker-order size distribution
    /// (0 &lt; p &lt; 1).
    /// </summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double LargeTradePercentile { get; set; } = 0.95;

    /// <summary>Number of recent taker orders the size distribution is built from.</summary>
    [Range(10, 1_000_000)]
    public int LargeTradeLookbackTrades { get; set; } = 2_000;

    /// <summary>Taker orders needed in the distribution before any order is classified as large.</summary>
    [Range(1, 1_000_000)]
    public int LargeTradeMinSamples { get; set; } = 200;

    /// <summary>Capacity of the ring of recent large trades (for burst detection).</summary>
    [Range(1, 1_000_000)]
    public int LargeTradeHistoryCapacity { get; set; } = 256;

    /// <summary>Window over which large trades are counted per side (LTB whale inputs), ms.</summary>
    [Positive]
    public long WhaleWindowMs { get; set; } = 5_000;

    /// <summary>Longest pause between same-side trades that still continues one aggressive burst, ms.</summary>
    [NonNegative]
    public long SweepMaxGapMs { get; set; } = 100;

    /// <summary>Distinct price levels a burst must trade through to count as a sweep.</summary>
    [Range(2, 10_000)]
    public int SweepMinLevels { get; set; } = 3;

    /// <summary>How long the last sweep stays reported after its last trade, ms.</summary>
    [Positive]
    public long SweepMemoryMs { get; set; } = 5_000;

    // ---- sampling, EMAs, volatility -------------------------------------------------------------------------------

    /// <summary>
    /// Interval of the fixed time grid on which mid and OBI are sampled (volatility, rates of change), ms. A grid keeps
    /// the tick rate from biasing volatility.
    /// </summary>
    [Positive]
    public long SampleIntervalMs { get; set; } = 100;

    /// <summary>Time constant of the fast mid EMA, ms.</summary>
    [Positive]
    public long EmaFastMs { get; set; } = 1_000;

    /// <summary>Time constant of the slow mid EMA, ms.</summary>
    [Positive]
    public long EmaSlowMs { get; set; } = 5_000;

    /// <summary>Short realized-volatility window, ms.</summary>
    [Positive]
    public long RvShortWindowMs { get; set; } = 5_000;

    /// <summary>Long realized-volatility window, ms.</summary>
    [Positive]
    public long RvLongWindowMs { get; set; } = 60_000;

    /// <summary>Upper bound of the short/long volatility ratio (MVR).</summary>
    [Range(1.0, 1e6, MinimumIsExclusive = true)]
    public double MvrCap { get; set; } = 10;

    /// <summary>Time constant of the slow baseline of long-window volatility (regime input), ms.</summary>
    [Positive]
    public long VolBaselineMs { get; set; } = 1_800_000;

    /// <summary>Upper bound of the volatility regime ratio and of values expressed in volatility units.</summary>
    [Range(1.0, 1e6, MinimumIsExclusive = true)]
    public double VolRatioCap { get; set; } = 20;

    /// <summary>Window of the mid change reported as MidChangeTicks, ms.</summary>
    [Positive]
    public long MidChangeWindowMs { get; set; } = 5_000;

    // ---- order book ---------------------------------------------------------------------------------------------

    /// <summary>Levels per side in the order-book imbalance.</summary>
    [Range(1, 1_000)]
    public int ObiLevels { get; set; } = 5;

    /// <summary>Look-back of the OBI rate of change, ms.</summary>
    [Positive]
    public long ObiRocWindowMs { get; set; } = 1_000;

    /// <summary>
    /// Levels per side whose resting size is the near-touch depth (liquidity features). A level count keeps the cost per
    /// book event fixed; thinness compares the depth with its own average, so the count need not match the symbol.
    /// </summary>
    [Range(1, 1_000)]
    public int LiqDepthLevels { get; set; } = 20;

    /// <summary>Time constant of the rolling average of near-touch depth, ms.</summary>
    [Positive]
    public long LiqAverageMs { get; set; } = 60_000;

    /// <summary>Upper bound of the liquidity thinness ratio (reached when the band is empty).</summary>
    [Range(1.0, 1e6, MinimumIsExclusive = true)]
    public double LiqThinnessCap { get; set; } = 10;

    // ---- trade flow ---------------------------------------------------------------------------------------------

    /// <summary>Short flow window: CVD, buy/sell ratio, trades per second, ms (CVD acceleration also uses twice this).</summary>
    [Positive]
    public long FlowShortWindowMs { get; set; } = 5_000;

    /// <summary>Long flow window: the trades-per-second baseline and the typical volume, ms.</summary>
    [Positive]
    public long FlowLongWindowMs { get; set; } = 60_000;

    /// <summary>Window over which price direction and CVD direction are compared for divergence, ms.</summary>
    [Positive]
    public long DivergenceWindowMs { get; set; } = 30_000;

    /// <summary>Window of the rolling VWAP, ms.</summary>
    [Positive]
    public long VwapWindowMs { get; set; } = 60_000;

    // ---- absorption, icebergs, spoofing ---------------------------------------------------------------------------

    /// <summary>Time constant with which absorbed volume fades, ms.</summary>
    [Positive]
    public long AbsorptionWindowMs { get; set; } = 5_000;

    /// <summary>How long a side's best price must stay through the defended level before the defense counts as broken, ms.</summary>
    [NonNegative]
    public long AbsorptionBreakGraceMs { get; set; } = 500;

    /// <summary>An iceberg episode ends after this long without trades at its level, ms.</summary>
    [Positive]
    public long IceWindowMs { get; set; } = 10_000;

    /// <summary>Refills of a traded level needed before traded volume above the visible size counts as hidden.</summary>
    [Range(0, 1_000_000)]
    public int IceMinRefills { get; set; } = 1;

    /// <summary>An added size counts as a spoof candidate only within this many ticks of the same side's best price.</summary>
    [NonNegative]
    public long SpoofMaxDistanceTicks { get; set; } = 10;

    /// <summary>An added size counts as large when it is at least this multiple of the side's average level size.</summary>
    [Positive]
    public double SpoofSizeMultiple { get; set; } = 3;

    /// <summary>Levels from the touch over which the average level size (the yardstick of "large") is taken.</summary>
    [Range(1, 1_000)]
    public int SpoofReferenceLevels { get; set; } = 10;

    /// <summary>A large add that is pulled later than this after it appeared is not treated as a spoof, ms.</summary>
    [Positive]
    public long SpoofMaxLifetimeMs { get; set; } = 3_000;

    /// <summary>Wait after a pull for trades that arrive late on the trade stream and explain the decrease, ms.</summary>
    [NonNegative]
    public long SpoofTradeGraceMs { get; set; } = 250;

    /// <summary>Time constant with which pulled (spoofed) size fades from the score, ms.</summary>
    [Positive]
    public long SpoofWindowMs { get; set; } = 10_000;

    /// <summary>
    /// Time constant of the slow average of pulled size that the spoof scores are measured against (the usual amount of
    /// pulling for this symbol), ms.
    /// </summary>
    [Positive]
    public long SpoofBaselineMs { get; set; } = 300_000;

    /// <summary>Spoof candidates remembered per side.</summary>
    [Range(1, 10_000)]
    public int SpoofPendingCapacity { get; set; } = 32;

    /// <summary>
    /// The rules between fields (and on the items of <see cref="TapeWindowsMs"/>), one entry per broken rule with the
    /// full key under <paramref name="sectionPath"/>, the value and the rule; empty when all hold. Single-field ranges
    /// are the data annotations. Allocates; call at start-up only.
    /// </summary>
    public IReadOnlyList<(string Key, string Value, string Rule)> Validate(string sectionPath = "Smallfish:" + SectionName)
    {
        var errors = new List<(string, string, string)>();
        string K(string key) => sectionPath + ":" + key;
        string V(double value) => value.ToString(CultureInfo.InvariantCulture);
        void Less(string small, double smallValue, string large, double largeValue)
        {
            if (!(smallValue < largeValue)) errors.Add((K(large), V(largeValue), $"must be greater than {K(small)} ({V(smallValue)})"));
        }

        for (int i = 0; i < TapeWindowsMs.Count; i++)
        {
            if (TapeWindowsMs[i] <= 0) errors.Add((K($"{nameof(TapeWindowsMs)}:{i}"), V(TapeWindowsMs[i]), "must be > 0"));
        }
        if (LargeTradeMinSamples > LargeTradeLookbackTrades)
        {
            errors.Add((K(nameof(LargeTradeMinSamples)), V(LargeTradeMinSamples), $"must not exceed {K(nameof(LargeTradeLookbackTrades))} ({V(LargeTradeLookbackTrades)})"));
        }
        Less(nameof(EmaFastMs), EmaFastMs, nameof(EmaSlowMs), EmaSlowMs);
        Less(nameof(RvShortWindowMs), RvShortWindowMs, nameof(RvLongWindowMs), RvLongWindowMs);
        Less(nameof(FlowShortWindowMs), FlowShortWindowMs, nameof(FlowLongWindowMs), FlowLongWindowMs);
        Less(nameof(SpoofWindowMs), SpoofWindowMs, nameof(SpoofBaselineMs), SpoofBaselineMs);
        if (SampleIntervalMs > 0)
        {
            if (RvShortWindowMs < 2 * SampleIntervalMs)
            {
                errors.Add((K(nameof(RvShortWindowMs)), V(RvShortWindowMs), $"must span at least two samples of {K(nameof(SampleIntervalMs))} ({V(SampleIntervalMs)})"));
            }
            foreach (var (key, value) in new[] { (nameof(MidChangeWindowMs), MidChangeWindowMs), (nameof(ObiRocWindowMs), ObiRocWindowMs), (nameof(DivergenceWindowMs), DivergenceWindowMs) })
            {
                if (value < SampleIntervalMs) errors.Add((K(key), V(value), $"must be at least {K(nameof(SampleIntervalMs))} ({V(SampleIntervalMs)})"));
            }
        }
        return errors;
    }
}
