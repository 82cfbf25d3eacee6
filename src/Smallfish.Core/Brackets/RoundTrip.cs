using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Brackets;

/// <summary>
/// The bookkeeping of one round trip on top of its <see cref="Position"/>: the entry and exit ticks x lots, the
/// average exit, slippage and why it closed. Turns into a <see cref="TradeResult"/> when the position is flat; the gross
/// P&amp;L is then exact (exit ticks x lots minus entry ticks x lots), whatever the average entry's decimals.
/// </summary>
public sealed class RoundTrip
{
    private decimal _realizedTickLots;
    private decimal _exitTickLots;
    private decimal _entryTickLots;

    /// <summary>Starts the books of a new position.</summary>
    public void Reset()
    {
        _realizedTickLots = 0;
        _exitTickLots = 0;
        _entryTickLots = 0;
        ExitLots = 0;
        SlippageTicks = 0;
        Reason = ExitReason.Manual;
    }

    /// <summary>Lots closed so far.</summary>
    public long ExitLots { get; private set; }

    /// <summary>Adverse slippage so far (per order, at its worst fill), ticks.</summary>
    public long SlippageTicks { get; private set; }

    /// <summary>Why the last exit fill happened.</summary>
    public ExitReason Reason { get; set; }

    /// <summary>Adds slippage measured on a fill, ticks.</summary>
    public void AddSlippage(long ticks) => SlippageTicks += Math.Max(0, ticks);

    /// <summary>Books an entry fill of <paramref name="lots"/> at <paramref name="priceTicks"/>.</summary>
    public void AddEntry(long priceTicks, long lots) => _entryTickLots += (decimal)priceTicks * lots;

    /// <summary>
    /// Books <paramref name="lots"/> entered at an average of <paramref name="avgPriceTicks"/> (a position taken over
    /// from the exchange at a restart, whose single fills are not known).
    /// </summary>
    public void AddEntry(decimal avgPriceTicks, long lots) => _entryTickLots += avgPriceTicks * lots;

    /// <summary>Books an exit of <paramref name="lots"/> at <paramref name="priceTicks"/> against <paramref name="position"/>'s average entry.</summary>
    public void AddExit(Position position, long priceTicks, long lots, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(spec);
        _realizedTickLots += (priceTicks - position.EntryPriceTicks) * lots * position.Side.Sign();
        _exitTickLots += (decimal)priceTicks * lots;
        ExitLots += lots;
        position.RealizedPnl = _realizedTickLots * spec.TickSize * spec.QtyStep;
    }

    /// <summary>The round trip's result once <paramref name="position"/> is flat.</summary>
    public TradeResult ToResult(Position position, InstrumentSpec spec, long closedNs)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(spec);
        decimal tick = spec.TickSize, step = spec.QtyStep;
        decimal gross = (_exitTickLots - _entryTickLots) * position.Side.Sign() * tick * step;
        decimal net = gross - position.Fees - position.Funding;
        decimal riskMoney = position.RiskTicks * position.InitialQtyLots * tick * step;
        double r = riskMoney > 0 ? (double)(net / riskMoney) : double.NaN;
        decimal exitTicks = ExitLots > 0 ? _exitTickLots / ExitLots : 0;
        return new TradeResult(
            position.Symbol,
            position.Side,
            position.EntryPriceTicks * tick,
            exitTicks * tick,
            position.InitialQtyLots * step,
            gross,
            position.Fees,
            position.Funding,
            net,
            r,
            position.MaxAdverseTicks * tick,
            position.MaxFavourableTicks * tick,
            position.OpenedNs,
            closedNs,
            Reason,
            SlippageTicks);
    }
}
