using Smallfish.Core.Instruments;

namespace Smallfish.Core.Configuration;

/// <summary>
/// One entry of <c>Smallfish:Instruments:&lt;SYMBOL&gt;</c>: a contract's price and quantity grid. These are the
/// fallback values for backtests and offline runs; a live gateway replaces them with what the exchange's instrument
/// endpoint reports.
/// </summary>
public sealed class InstrumentOptions
{
    /// <summary>Minimum price increment.</summary>
    [Positive]
    public decimal TickSize { get; set; }

    /// <summary>Minimum quantity increment.</summary>
    [Positive]
    public decimal QtyStep { get; set; }

    /// <summary>Minimum order quantity.</summary>
    [NonNegative]
    public decimal MinQty { get; set; }

    /// <summary>Minimum order notional in quote currency (USDT).</summary>
    [NonNegative]
    public decimal MinNotional { get; set; }

    /// <summary>Creates the core instrument spec for <paramref name="symbol"/>.</summary>
    public InstrumentSpec ToSpec(string symbol) => new(symbol, TickSize, QtyStep, MinQty, MinNotional);
}
