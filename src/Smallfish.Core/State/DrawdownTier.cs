namespace Smallfish.Core.State;

/// <summary>One step of position-size reduction: from <paramref name="DrawdownPct"/> percent of drawdown on, sizes are multiplied by <paramref name="Multiplier"/>.</summary>
/// <param name="DrawdownPct">Drawdown from the equity peak at which the tier starts, percent (0..100).</param>
/// <param name="Multiplier">Size multiplier in this tier (0 = no new positions).</param>
public readonly record struct DrawdownTier(double DrawdownPct, double Multiplier);
