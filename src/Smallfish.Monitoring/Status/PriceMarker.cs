using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>An entry or exit drawn on the price chart.</summary>
/// <param name="TsNs">Fill time, ns since the Unix epoch.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Side">Side of the fill (a long's exit is a sell).</param>
/// <param name="Action">Entry or exit.</param>
public sealed record PriceMarker(long TsNs, decimal Price, Side Side, MarkerAction Action);
