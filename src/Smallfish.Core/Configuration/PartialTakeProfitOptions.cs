using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Risk:PartialTakeProfit</c>: take part of the position off early.</summary>
public sealed class PartialTakeProfitOptions
{
    /// <summary>Whether a partial take-profit order is placed.</summary>
    public bool Enabled { get; set; }

    /// <summary>Share of the position, in (0, 1), closed by the partial take-profit.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double Fraction { get; set; } = 0.5;

    /// <summary>Distance of the partial take-profit in R; must be below <see cref="RiskOptions.RewardRisk"/>.</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double AtRMultiple { get; set; } = 1.0;
}
