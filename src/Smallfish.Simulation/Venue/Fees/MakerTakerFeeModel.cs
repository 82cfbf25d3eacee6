using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Venue.Fees;

/// <summary>
/// Fee = fill notional (price x quantity, quote currency) x rate, with one rate for fills that provided liquidity
/// (maker) and one for fills that took it (taker). Rates are in basis points (1 bp = 0.01%); a negative maker rate is a
/// rebate. The presets are the base (non-VIP) rates for USDT-margined perpetuals; an account's real rates depend on
/// its tier and region, so they are configurable.
/// </summary>
/// <remarks>
/// The protocol notes in <c>shared/protocols</c> do not list fee rates (bybit-v5.md §4.16 and §9 only name the
/// <c>execFee</c>/<c>feeRate</c> fields; binance-usdm.md §8 names the commission fields <c>N</c>/<c>n</c>). The
/// presets come from the exchanges' published schedules: Bybit help center "Trading Fee Structure", VIP 0 row,
/// Perpetual &amp; Futures: taker 0.0550%, maker 0.0200%; Binance FAQ "Binance Futures Fee Structure &amp; Fee
/// Calculations" (article 360033544231), USDⓈ-M Regular user: maker 0.0200%, taker 0.0500%.
/// </remarks>
public sealed class MakerTakerFeeModel : IFeeModel
{
    /// <summary>Bybit linear perpetuals, VIP 0: maker 2.0 bps, taker 5.5 bps.</summary>
    public static MakerTakerFeeModel BybitVip0 { get; } = new(2.0m, 5.5m);

    /// <summary>Binance USDⓈ-M perpetuals, regular user (VIP 0), no BNB discount: maker 2.0 bps, taker 5.0 bps.</summary>
    public static MakerTakerFeeModel BinanceUsdmVip0 { get; } = new(2.0m, 5.0m);

    /// <summary>No fees (for tests of matching alone).</summary>
    public static MakerTakerFeeModel Free { get; } = new(0m, 0m);

    /// <summary>Creates the model from rates in basis points.</summary>
    public MakerTakerFeeModel(decimal makerBps, decimal takerBps)
    {
        MakerBps = makerBps;
        TakerBps = takerBps;
    }

    /// <summary>Maker rate, basis points (negative = rebate).</summary>
    public decimal MakerBps { get; }

    /// <summary>Taker rate, basis points.</summary>
    public decimal TakerBps { get; }

    /// <inheritdoc />
    public decimal Fee(InstrumentSpec spec, long priceTicks, long lots, bool isMaker) =>
        spec.Notional(priceTicks, lots) * (isMaker ? MakerBps : TakerBps) / 10_000m;
}
