namespace Smallfish.Simulation.Venue.Positions;

/// <summary>
/// The simulated account's wallet: the initial balance plus realized P&amp;L, minus fees and funding, all in quote
/// currency. Unrealized P&amp;L is not included (the venue's margin check adds it at the current marks).
/// </summary>
public sealed class VenueAccount
{
    /// <summary>Creates an account holding <paramref name="initialBalance"/>.</summary>
    public VenueAccount(decimal initialBalance) => InitialBalance = initialBalance;

    /// <summary>Balance at the start of the run.</summary>
    public decimal InitialBalance { get; }

    /// <summary>Realized P&amp;L over all symbols.</summary>
    public decimal RealizedPnl { get; private set; }

    /// <summary>Fees paid over all symbols (negative = net rebate).</summary>
    public decimal FeesPaid { get; private set; }

    /// <summary>Funding paid over all symbols (negative = net received).</summary>
    public decimal FundingPaid { get; private set; }

    /// <summary>Wallet balance: initial + realized - fees - funding.</summary>
    public decimal Balance => InitialBalance + RealizedPnl - FeesPaid - FundingPaid;

    internal void AddRealized(decimal pnl) => RealizedPnl += pnl;

    internal void AddFee(decimal fee) => FeesPaid += fee;

    internal void AddFunding(decimal amount) => FundingPaid += amount;
}
