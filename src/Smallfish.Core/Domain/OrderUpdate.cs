namespace Smallfish.Core.Domain;

/// <summary>
/// A change in an order's state reported by the venue (live private stream, simulated venue, emulator). Fills are
/// reported separately as <see cref="Fill"/>; this carries the cumulative view.
/// </summary>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="ExchangeOrderId">The venue's id, when known.</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Status">New status.</param>
/// <param name="FilledLots">Cumulative filled quantity in lots.</param>
/// <param name="AvgPriceTicks">Average fill price in ticks (0 when nothing filled).</param>
/// <param name="Reject">Normalized reason for a reject or an exchange-side cancel.</param>
/// <param name="Message">Venue text for the reason, for the journal; never shown with secrets.</param>
/// <param name="TsNs">Venue time of the change, ns.</param>
public readonly record struct OrderUpdate(
    string ClientOrderId,
    string? ExchangeOrderId,
    string Symbol,
    OrderStatus Status,
    long FilledLots,
    decimal AvgPriceTicks,
    RejectReason Reject,
    string? Message,
    long TsNs);
