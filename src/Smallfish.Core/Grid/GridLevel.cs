using Smallfish.Core.Domain;

namespace Smallfish.Core.Grid;

/// <summary>One level order the planner wants working.</summary>
/// <param name="Index">Level index: -1, -2, ... below the center (buys), +1, +2, ... above it (sells).</param>
/// <param name="Side">Buy below the center, sell above.</param>
/// <param name="PriceTicks">Limit price in ticks (center + Index x spacing).</param>
/// <param name="Lots">Quantity in lots.</param>
public readonly record struct GridLevel(int Index, Side Side, long PriceTicks, long Lots);
