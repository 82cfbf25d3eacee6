using Smallfish.Core.Domain;

namespace Smallfish.Core.Instruments;

/// <summary>
/// What an exchange says about one contract's price and quantity grid. Prices are carried as integer ticks and
/// quantities as integer lots (multiples of <see cref="QtyStep"/>) everywhere in the book and the execution path;
/// this type is where decimals are turned into ticks and lots and back, exactly once.
/// </summary>
public sealed class InstrumentSpec
{
    /// <summary>Creates a spec; throws for non-positive steps or negative minimums.</summary>
    public InstrumentSpec(string symbol, decimal tickSize, decimal qtyStep, decimal minQty, decimal minNotional)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (minQty < 0) throw new ArgumentOutOfRangeException(nameof(minQty), minQty, "must be >= 0");
        if (minNotional < 0) throw new ArgumentOutOfRangeException(nameof(minNotional), minNotional, "must be >= 0");
        Symbol = symbol;
        TickSize = tickSize;
        QtyStep = qtyStep;
        MinQty = minQty;
        MinNotional = minNotional;
        Price = new DecimalScale(tickSize);
        Qty = new DecimalScale(qtyStep);
        MinLots = Qty.CeilingSteps(minQty);
    }

    /// <summary>Exchange symbol, e.g. BTCUSDT.</summary>
    public string Symbol { get; }

    /// <summary>Minimum price increment.</summary>
    public decimal TickSize { get; }

    /// <summary>Minimum quantity increment.</summary>
    public decimal QtyStep { get; }

    /// <summary>Minimum order quantity.</summary>
    public decimal MinQty { get; }

    /// <summary>Minimum order notional (price x quantity) in quote currency.</summary>
    public decimal MinNotional { get; }

    /// <summary>Minimum order quantity in lots.</summary>
    public long MinLots { get; }

    /// <summary>Conversions between decimal prices and ticks.</summary>
    public DecimalScale Price { get; }

    /// <summary>Conversions between decimal quantities and lots.</summary>
    public DecimalScale Qty { get; }

    /// <summary>
    /// Rounds a limit price to the tick grid on the side that never pays more than intended:
    /// a buy rounds down, a sell rounds up.
    /// </summary>
    public long RoundLimitPrice(decimal price, Side side) => side == Side.Buy ? Price.FloorSteps(price) : Price.CeilingSteps(price);

    /// <summary>Rounds a quantity down to whole lots (never more than asked for).</summary>
    public long FloorLots(decimal qty) => qty <= 0 ? 0 : Qty.FloorSteps(qty);

    /// <summary>Notional value of <paramref name="lots"/> at <paramref name="priceTicks"/> in quote currency.</summary>
    public decimal Notional(long priceTicks, long lots) => Price.ToDecimal(priceTicks) * Qty.ToDecimal(lots);

    /// <summary>True when an order of this size at this price satisfies min qty and min notional.</summary>
    public bool MeetsMinimums(long priceTicks, long lots) => lots > 0 && lots >= MinLots && Notional(priceTicks, lots) >= MinNotional;

    /// <summary>
    /// The smallest number of lots that satisfies both minimums at the given price.
    /// </summary>
    public long MinimumLotsAt(long priceTicks)
    {
        long lots = Math.Max(1, MinLots);
        if (MinNotional <= 0 || priceTicks <= 0) return lots;
        decimal price = Price.ToDecimal(priceTicks);
        long byNotional = Qty.CeilingSteps(MinNotional / price);
        return Math.Max(lots, byNotional);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Symbol} tick={TickSize} step={QtyStep} minQty={MinQty} minNotional={MinNotional}";
}
