namespace Smallfish.Core.Signals;

/// <summary>What one scorer says at one instant: a direction-signed score and whether it counts as active.</summary>
/// <param name="Score">Direction-signed strength in [-1, 1]: positive = buy, negative = sell, 0 = nothing.</param>
/// <param name="Active">True when |score| reached the signal's activation threshold (as scaled by the regime).</param>
public readonly record struct SignalReading(double Score, bool Active)
{
    /// <summary>No score, not active.</summary>
    public static SignalReading None => default;

    /// <summary>
    /// The score <paramref name="score"/> (clamped to [-1, 1]; NaN or infinity becomes 0), active when its magnitude
    /// reaches <paramref name="threshold"/> x the regime's threshold scale.
    /// </summary>
    public static SignalReading From(double score, double threshold, in RegimeContext regime)
    {
        double s = double.IsFinite(score) ? Math.Clamp(score, -1.0, 1.0) : 0.0;
        return new SignalReading(s, s != 0 && Math.Abs(s) >= threshold * regime.ThresholdScale);
    }
}
