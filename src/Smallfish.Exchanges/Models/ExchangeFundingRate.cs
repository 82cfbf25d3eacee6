namespace Smallfish.Exchanges.Models;

/// <summary>A settled funding rate.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Rate">Funding rate as a fraction.</param>
/// <param name="TimeMs">Funding time, ms since the Unix epoch.</param>
public sealed record ExchangeFundingRate(string Symbol, decimal Rate, long TimeMs);
