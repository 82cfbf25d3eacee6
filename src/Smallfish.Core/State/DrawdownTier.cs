using Smallfish.Core.Configuration;

namespace Smallfish.Core.State;

/// <summary>One step of position-size reduction: from <paramref name="DrawdownPct"/> percent of drawdown on, sizes are multiplied by <paramref name="Multiplier"/>.</summary>
/// <param name="DrawdownPct">Drawdown from the equity peak at which the tier starts, percent (0..100).</param>
/// <param name="Multiplier">Size multiplier in this tier (0 = no new positions).</param>
public readonly record struct DrawdownTier(double DrawdownPct, double Multiplier)
{
    /// <summary>The tiers of <c>Smallfish:Risk:DrawdownTiers</c>, as an array to keep and pass to <see cref="RuntimeState.SizeMultiplier"/>.</summary>
    public static DrawdownTier[] FromOptions(IReadOnlyList<DrawdownTierOptions> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var result = new DrawdownTier[tiers.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new DrawdownTier(tiers[i].DrawdownPct, tiers[i].SizeMultiplier);
        return result;
    }
}
