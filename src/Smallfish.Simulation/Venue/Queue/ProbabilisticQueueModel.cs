namespace Smallfish.Simulation.Venue.Queue;

/// <summary>
/// Spreads cancels over the queue by weight: the expected share of a cancel that happened in front of the order is
/// <c>f(ahead) / (f(ahead) + f(behind))</c> with <c>f(x) = x^Power</c> (the power-law queue function of
/// hftbacktest's probabilistic queue models, used here by its expected value so no randomness is needed). With
/// <c>Power = 1</c> the share is proportional to the sizes (<see cref="Proportional"/>); a larger power assumes
/// cancels come mostly from the larger side of the order; a power below 1 spreads them more evenly. Any part of a
/// cancel larger than the size behind the order must have come from in front of it. Lots are whole, so the advance is
/// rounded down (the order never moves up more than the expectation).
/// </summary>
public sealed class ProbabilisticQueueModel : IQueueModel
{
    /// <summary>Cancels spread in proportion to the sizes in front of and behind the order.</summary>
    public static ProbabilisticQueueModel Proportional { get; } = new(1.0);

    /// <summary>Creates the model with exponent <paramref name="power"/> (positive, finite).</summary>
    public ProbabilisticQueueModel(double power)
    {
        if (!(power > 0) || double.IsInfinity(power)) throw new ArgumentOutOfRangeException(nameof(power), power, "must be positive and finite");
        Power = power;
    }

    /// <summary>Exponent of the queue weight function.</summary>
    public double Power { get; }

    /// <inheritdoc />
    public long AheadAfterCancel(long aheadLots, long levelLots, long cancelledLots)
    {
        if (aheadLots <= 0 || cancelledLots <= 0) return Math.Max(0, aheadLots);
        long behind = Math.Max(0, levelLots - aheadLots);
        double fa = Math.Pow(aheadLots, Power);
        double fb = behind == 0 ? 0 : Math.Pow(behind, Power);
        double share = fa / (fa + fb);
        long advance = (long)Math.Floor(cancelledLots * share);
        advance = Math.Max(advance, cancelledLots - behind); // what did not fit behind came from in front
        advance = Math.Min(advance, aheadLots);
        return aheadLots - advance;
    }
}
