namespace Smallfish.Core.Domain;

/// <summary>
/// Receives funding settlements from a venue, in venue order. Kept apart from <see cref="IExecutionSink"/> so the
/// engine books funding against positions without every execution consumer having to handle it.
/// </summary>
public interface IFundingSink
{
    /// <summary>A funding payment was settled on a position.</summary>
    void OnFunding(in FundingPayment payment);
}
