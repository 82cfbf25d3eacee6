using Smallfish.Core.Domain;

namespace Smallfish.Core.Risk;

/// <summary>What the sizer needs for one entry. Money in quote currency, prices in ticks.</summary>
/// <param name="Equity">Account equity.</param>
/// <param name="RiskPerTradePct">Equity risked per trade, percent (profile).</param>
/// <param name="SizeMultiplier">Drawdown-tier multiplier in [0, 1].</param>
/// <param name="EquityCapMultiple">Largest total position notional as a multiple of equity (profile).</param>
/// <param name="OpenNotional">Notional already held in open positions and working entries.</param>
/// <param name="Side">Entry side.</param>
/// <param name="EntryTicks">Intended entry price.</param>
/// <param name="StopDistanceTicks">Distance from entry to the stop (1R), ticks.</param>
public readonly record struct SizingRequest(
    decimal Equity,
    double RiskPerTradePct,
    double SizeMultiplier,
    double EquityCapMultiple,
    decimal OpenNotional,
    Side Side,
    long EntryTicks,
    long StopDistanceTicks);
