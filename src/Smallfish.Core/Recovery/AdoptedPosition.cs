using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>A position found on the exchange at a restart and taken over by the engine.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long or short.</param>
/// <param name="QtyLots">Size, lots.</param>
/// <param name="AvgEntryTicks">Average entry price, ticks.</param>
/// <param name="StopTicks">The stop level it is protected at, ticks.</param>
/// <param name="Source">Where that level came from.</param>
/// <param name="ClosingAtMarket">True when it is being closed at market instead (stop level already crossed, kill switch flatten).</param>
public sealed record AdoptedPosition(string Symbol, Side Side, long QtyLots, decimal AvgEntryTicks, long StopTicks, StopSource Source, bool ClosingAtMarket);
