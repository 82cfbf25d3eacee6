using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>The exchange's net position in one symbol (one-way mode), on the instrument grid. A flat symbol is left out or has 0 lots.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long (<see cref="Side.Buy"/>) or short (<see cref="Side.Sell"/>).</param>
/// <param name="QtyLots">Absolute size, lots.</param>
/// <param name="AvgEntryTicks">Average entry price, ticks (may fall between ticks).</param>
public sealed record ExchangeNetPosition(string Symbol, Side Side, long QtyLots, decimal AvgEntryTicks);
