using Smallfish.Core.Domain;

namespace Smallfish.Emulator;

/// <summary>One execution the emulated venue booked (inspection API: soak and reconciliation checks).</summary>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">The order's side.</param>
/// <param name="PriceTicks">Execution price, ticks.</param>
/// <param name="QtyLots">Executed quantity, lots.</param>
/// <param name="Fee">Fee charged, USDT (negative is a rebate).</param>
/// <param name="IsMaker">True when the order provided liquidity.</param>
/// <param name="TimeMs">When the venue booked it (server clock, Unix ms).</param>
public sealed record EmulatedExecution(string ClientOrderId, string Symbol, Side Side, long PriceTicks, long QtyLots, decimal Fee, bool IsMaker, long TimeMs);
