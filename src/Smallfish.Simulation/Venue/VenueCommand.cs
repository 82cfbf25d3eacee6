using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Venue;

/// <summary>One command in flight from the engine to the venue; stored by value.</summary>
internal readonly record struct VenueCommand(
    VenueCommandKind Kind,
    OrderRequest? Request,
    string Symbol,
    string ClientOrderId,
    long PriceTicks,
    long QtyLots,
    long DecisionNs);

/// <summary>What a <see cref="VenueCommand"/> asks for.</summary>
internal enum VenueCommandKind : byte
{
    Place,
    Cancel,
    Amend,
}
