using Smallfish.Core.Domain;

namespace Smallfish.Emulator.Venue;

/// <summary>A report of the simulated venue waiting to be booked and published.</summary>
internal readonly struct PendingReport
{
    public PendingReport(in OrderUpdate update)
    {
        IsUpdate = true;
        Update = update;
        VenueId = update.ClientOrderId;
    }

    public PendingReport(in Fill fill)
    {
        IsFill = true;
        Fill = fill;
        VenueId = fill.ClientOrderId;
    }

    public PendingReport(in FundingPayment funding)
    {
        Funding = funding;
        VenueId = "";
    }

    public bool IsUpdate { get; }

    public bool IsFill { get; }

    public OrderUpdate Update { get; }

    public Fill Fill { get; }

    public FundingPayment Funding { get; }

    /// <summary>The client order id the venue knows the order by.</summary>
    public string VenueId { get; }
}
