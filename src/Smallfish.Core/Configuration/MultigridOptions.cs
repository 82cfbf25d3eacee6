using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Multigrid</c>: the optional layered grid around a VWAP or mid center, shifted by the fused
/// signal bias (<c>--multigrid</c> turns it on). Prices are in ticks, sizes in percent of equity and in levels (one
/// level = one level order's lots). Single-field rules are data annotations; <see cref="Validate"/> adds the rules
/// between fields. See docs/multigrid.md.
/// </summary>
public sealed class MultigridOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Multigrid";

    /// <summary>Whether the grid strategy runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Grid levels on each side of the center.</summary>
    [Range(1, 100)]
    public int Levels { get; set; } = 5;

    /// <summary>Whether spacing is a fixed tick count or a volatility multiple.</summary>
    public GridSpacingMode SpacingMode { get; set; } = GridSpacingMode.Ticks;

    /// <summary>
    /// Distance between levels, in ticks (spacing mode <c>ticks</c>; also the fallback of mode <c>volatility</c> while
    /// no volatility has been measured). A round trip earns this distance minus two maker fees, so it must exceed the
    /// round-trip fee in ticks to earn anything.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SpacingTicks { get; set; } = 10;

    /// <summary>
    /// Distance between levels as a multiple of the realized volatility over <see cref="SpacingVolatilityHorizonSeconds"/>
    /// (spacing mode <c>volatility</c>): spacing = multiple x RvLong (bps per square-root second) x sqrt(horizon) x mid.
    /// </summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double SpacingVolatilityMultiple { get; set; } = 0.5;

    /// <summary>Horizon the realized volatility is scaled to for volatility spacing, in seconds.</summary>
    [Range(0.0, 86_400.0, MinimumIsExclusive = true)]
    public double SpacingVolatilityHorizonSeconds { get; set; } = 60.0;

    /// <summary>Floor of the volatility spacing, in ticks (at least 1).</summary>
    [Range(1, 1_000_000)]
    public int MinSpacingTicks { get; set; } = 1;

    /// <summary>Cap of the volatility spacing, in ticks.</summary>
    [Range(1, 1_000_000)]
    public int MaxSpacingTicks { get; set; } = 100_000;

    /// <summary>
    /// The account's maker fee rate in basis points (negative = rebate); default 2.0, the VIP 0 maker rate of both Bybit
    /// and Binance USD-M perpetuals. A level harvest pays it twice (entry and take-profit are both post-only).
    /// </summary>
    [Range(-10.0, 100.0)]
    public double MakerFeeBps { get; set; } = 2.0;

    /// <summary>
    /// Least net edge of one level harvest after both maker fees, in basis points of the center (&gt; 0). The spacing is
    /// never below the fee floor ceil((2 x <see cref="MakerFeeBps"/> + MinEdgeBps) x 1e-4 x center) ticks, whatever
    /// <see cref="SpacingTicks"/> or the volatility says, so every take-profit nets positive after fees.
    /// </summary>
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    public double MinEdgeBps { get; set; } = 2.0;

    /// <summary>
    /// Symbols the grid trades (they must be engine symbols); empty = every engine symbol. The grid owns the net
    /// position of its symbols: the scalper makes no entries there (its fusion only biases the grid center).
    /// </summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>Notional of each level's order, in percent of equity (rounded down to lots at placement).</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double SizePerLevelPct { get; set; } = 2.0;

    /// <summary>Where the grid center comes from.</summary>
    public GridCenterSource CenterSource { get; set; } = GridCenterSource.Vwap;

    /// <summary>
    /// The grid is re-centered only when the biased center has moved more than this many levels (a fraction of the
    /// spacing is allowed, e.g. 0.5) from the center of the last placement.
    /// </summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double RecenterThresholdLevels { get; set; } = 2.0;

    /// <summary>
    /// How far, in levels per unit of fused confidence, the signal bias shifts the grid center in the signal's direction
    /// (0 = no bias). The shift is BiasStrength x direction x confidence x spacing, never more than <see cref="Levels"/>
    /// levels.
    /// </summary>
    [Range(0.0, 10.0)]
    public double BiasStrength { get; set; } = 0.5;

    /// <summary>Most filled levels the grid may hold net in one direction (worst case, counting working orders).</summary>
    [Range(1, 1000)]
    public int MaxInventoryLevels { get; set; } = 5;

    /// <summary>
    /// The grid is closed (orders cancelled, inventory flattened at market) and stopped when its loss (realized plus
    /// unrealized) reaches this percent of the equity it started with.
    /// </summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double GridStopPct { get; set; } = 3.0;

    /// <summary>The same stop as an amount in quote currency; 0 = off. When both are set, the smaller loss stops the grid.</summary>
    [NonNegative]
    public decimal GridStopMoney { get; set; }

    /// <summary>
    /// The rules between fields, one entry per broken rule with the full key under <paramref name="sectionPath"/>, the
    /// value and the rule; empty when all hold. Allocates; call at start-up only.
    /// </summary>
    public IReadOnlyList<(string Key, string Value, string Rule)> Validate(string sectionPath = "Smallfish:" + SectionName)
    {
        var errors = new List<(string, string, string)>();
        string K(string key) => sectionPath + ":" + key;
        static string V(long value) => value.ToString(CultureInfo.InvariantCulture);

        if (MinSpacingTicks > MaxSpacingTicks)
        {
            errors.Add((K(nameof(MinSpacingTicks)), V(MinSpacingTicks), $"must not exceed {K(nameof(MaxSpacingTicks))} ({V(MaxSpacingTicks)})"));
        }
        else if (SpacingMode == GridSpacingMode.Ticks && (SpacingTicks < MinSpacingTicks || SpacingTicks > MaxSpacingTicks))
        {
            errors.Add((K(nameof(SpacingTicks)), V(SpacingTicks),
                $"must lie between {K(nameof(MinSpacingTicks))} ({V(MinSpacingTicks)}) and {K(nameof(MaxSpacingTicks))} ({V(MaxSpacingTicks)})"));
        }
        return errors;
    }
}
