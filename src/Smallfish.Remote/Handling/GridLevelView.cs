using Smallfish.Core.Domain;

namespace Smallfish.Remote.Handling;

/// <summary>One multigrid level.</summary>
/// <param name="Side">Buy or sell level.</param>
/// <param name="Price">Level price.</param>
/// <param name="Qty">Order quantity.</param>
/// <param name="Filled">True once the level's order filled.</param>
public sealed record GridLevelView(Side Side, decimal Price, decimal Qty, bool Filled);
