using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>One working grid order in a <see cref="GridState"/>.</summary>
/// <param name="Kind">Level, take-profit or flatten.</param>
/// <param name="Index">Position relative to the center in levels (negative below), rounded; 0 without a placed center.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="PriceTicks">Order price in ticks (0 for a market flatten).</param>
/// <param name="Lots">Order quantity in lots.</param>
/// <param name="FilledLots">Filled so far, lots.</param>
/// <param name="Status">Working state.</param>
/// <param name="ClientOrderId">The order's client id.</param>
public sealed record GridLevelSnapshot(
    GridOrderKind Kind,
    int Index,
    Side Side,
    long PriceTicks,
    long Lots,
    long FilledLots,
    GridLevelStatus Status,
    string ClientOrderId);
