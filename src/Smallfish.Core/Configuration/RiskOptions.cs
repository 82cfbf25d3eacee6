using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Risk</c>: sizing, brackets and the limits that trip the kill switch. Profiles set the
/// first four values; overridable per symbol.
/// </summary>
public sealed class RiskOptions
{
    /// <summary>Equity risked per trade (entry to stop), in percent, in (0, 100]. Profiles: 0.5 / 1.5 / 2.5 / 3.5.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double RiskPerTradePct { get; set; } = 1.5;

    /// <summary>Take-profit distance as a multiple of the stop distance (R:R). Profiles: 1.4 / 2 / 2.4 / 2.8.</summary>
    [Range(0.1, 100.0)]
    public double RewardRisk { get; set; } = 2.0;

    /// <summary>Largest total position notional as a multiple of equity. Profiles: 3 / 5 / 8 / 15.</summary>
    [Range(0.0, 125.0, MinimumIsExclusive = true)]
    public double EquityCapMultiple { get; set; } = 5.0;

    /// <summary>Where the protective stop goes (and so what 1R is).</summary>
    public StopPlacementOptions Stop { get; set; } = new();

    /// <summary>How the take-profit is sent: a resting reduce-only limit (default) or a TakeProfitMarket conditional.</summary>
    public TakeProfitOrderKind TakeProfitOrderType { get; set; } = TakeProfitOrderKind.Limit;

    /// <summary>Partial take-profit (off for conservative and balanced, 50 % at 1R for aggressive and ultra).</summary>
    public PartialTakeProfitOptions PartialTakeProfit { get; set; } = new();

    /// <summary>Whether the stop moves to the entry price once the partial take-profit has filled.</summary>
    public bool MoveStopToBreakEven { get; set; } = true;

    /// <summary>Trailing stop.</summary>
    public TrailingStopOptions Trailing { get; set; } = new();

    /// <summary>A position still open after this long is closed, in seconds (0 = no time stop).</summary>
    [Range(0, 86_400)]
    public int TimeStopSeconds { get; set; } = 300;

    /// <summary>
    /// Size multipliers by drawdown from the equity peak, deepest last, with strictly increasing
    /// <see cref="DrawdownTierOptions.DrawdownPct"/>. Defaults live in appsettings.json (a list cannot carry a
    /// code default: configuration binding appends to existing list items).
    /// </summary>
    public List<DrawdownTierOptions> DrawdownTiers { get; set; } = [];

    /// <summary>Realized loss for the day, in R (multiples of the per-trade risk), that trips the kill switch.</summary>
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    public double DailyLossLimitR { get; set; } = 10.0;

    /// <summary>Slippage breaches (fills worse than <see cref="SlippageBreachTicks"/>) that trip the kill switch.</summary>
    [Range(1, 1000)]
    public int MaxSlippageBreaches { get; set; } = 3;

    /// <summary>A fill this many ticks or more worse than the intended price is a slippage breach.</summary>
    [Range(1, 100_000)]
    public int SlippageBreachTicks { get; set; } = 3;

    /// <summary>Most positions open at once across all symbols.</summary>
    [Range(1, 100)]
    public int MaxConcurrentPositions { get; set; } = 3;

    /// <summary>Exchange leverage set per symbol; must be at least <see cref="EquityCapMultiple"/>.</summary>
    [Range(1, 125)]
    public int Leverage { get; set; } = 10;

    /// <summary>What the kill switch does besides blocking new entries.</summary>
    public KillSwitchOptions KillSwitch { get; set; } = new();

    /// <summary>How a restart takes over the exchange's orders and positions.</summary>
    public RecoveryOptions Recovery { get; set; } = new();
}
