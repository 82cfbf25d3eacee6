namespace Smallfish.Exchanges.Models;

/// <summary>What the venue holds after a protective-stop call.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="StopLossId">Venue id of the stop-loss (Binance algo id; Bybit has none: the stop lives on the position).</param>
/// <param name="TakeProfitId">Venue id of the take-profit, when one was placed.</param>
public sealed record ProtectiveStops(string Symbol, string? StopLossId, string? TakeProfitId);
