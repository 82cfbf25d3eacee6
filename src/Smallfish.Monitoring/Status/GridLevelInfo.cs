using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>One level of the multigrid.</summary>
/// <param name="Index">Level index: negative below the center, positive above.</param>
/// <param name="Price">Level price.</param>
/// <param name="Side">Side of the level's order.</param>
/// <param name="Qty">Level quantity in base units.</param>
/// <param name="State">Level state.</param>
public sealed record GridLevelInfo(int Index, decimal Price, Side Side, decimal Qty, GridLevelState State);
