using Smallfish.Monitoring.Status;

namespace Smallfish.Service.Activity;

/// <summary>An entry or exit fill of one symbol, for the dashboard's price chart.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Marker">Time, price, side and action.</param>
public sealed record PricedMarker(string Symbol, PriceMarker Marker);
