namespace Smallfish.Core.State;

/// <summary>Account equity, its running peak and the drawdown from that peak (quote currency).</summary>
public sealed class EquityTracker
{
    /// <summary>Starts at <paramref name="startingEquity"/>, which is also the first peak.</summary>
    public EquityTracker(decimal startingEquity)
    {
        StartingEquity = startingEquity;
        Equity = startingEquity;
        PeakEquity = startingEquity;
    }

    /// <summary>Equity at start (or at the last rebuild from the journal).</summary>
    public decimal StartingEquity { get; }

    /// <summary>Current equity.</summary>
    public decimal Equity { get; private set; }

    /// <summary>Highest equity seen.</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>Peak minus current equity (&gt;= 0).</summary>
    public decimal DrawdownAbs => PeakEquity - Equity;

    /// <summary>Drawdown as a percentage of the peak, 0..100 (0 while the peak is not positive).</summary>
    public double DrawdownPct => PeakEquity > 0 ? (double)(DrawdownAbs / PeakEquity) * 100 : 0;

    /// <summary>Largest drawdown seen, percent of the peak at the time.</summary>
    public double MaxDrawdownPct { get; private set; }

    /// <summary>Adds a realized P&amp;L (negative for a loss).</summary>
    public void Apply(decimal pnl) => Set(Equity + pnl);

    /// <summary>Sets equity to a known value (e.g. the exchange's wallet balance after reconciliation).</summary>
    public void Set(decimal equity)
    {
        Equity = equity;
        if (equity > PeakEquity) PeakEquity = equity;
        double dd = DrawdownPct;
        if (dd > MaxDrawdownPct) MaxDrawdownPct = dd;
    }
}
