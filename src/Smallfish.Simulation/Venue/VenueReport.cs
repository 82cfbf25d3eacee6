using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Venue;

/// <summary>One report in flight from the venue to the engine; stored by value.</summary>
internal readonly struct VenueReport
{
    public VenueReport(in OrderUpdate update)
    {
        Kind = VenueReportKind.OrderUpdate;
        Update = update;
    }

    public VenueReport(in Fill fill)
    {
        Kind = VenueReportKind.Fill;
        Fill = fill;
    }

    public VenueReport(in FundingPayment funding)
    {
        Kind = VenueReportKind.Funding;
        Funding = funding;
    }

    public VenueReportKind Kind { get; }

    public OrderUpdate Update { get; }

    public Fill Fill { get; }

    public FundingPayment Funding { get; }
}

/// <summary>Which field of a <see cref="VenueReport"/> is set.</summary>
internal enum VenueReportKind : byte
{
    OrderUpdate,
    Fill,
    Funding,
}
