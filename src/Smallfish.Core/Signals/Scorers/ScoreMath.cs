using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>Small shared formulas of the scorers. Pure, no state, no allocation.</summary>
internal static class ScoreMath
{
    /// <summary>0 at <paramref name="from"/>, 1 at <paramref name="to"/>, linear between and clamped (0 for NaN).</summary>
    public static double Ramp(double x, double from, double to)
    {
        if (!(to > from)) return x >= to ? 1.0 : 0.0;
        double r = (x - from) / (to - from);
        return r > 0 ? Math.Min(r, 1.0) : 0.0;
    }

    /// <summary>Sign of <paramref name="x"/> times <see cref="Ramp"/> of its magnitude.</summary>
    public static double SignedRamp(double x, double from, double to) => x >= 0 ? Ramp(x, from, to) : -Ramp(-x, from, to);

    /// <summary><paramref name="x"/> / <paramref name="full"/> clamped to [-1, 1] (0 for NaN).</summary>
    public static double Unit(double x, double full)
    {
        double r = x / full;
        return double.IsNaN(r) ? 0.0 : Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>
    /// The volatility the scorers measure moves in, bps per square-root second: the slow baseline of long-window
    /// volatility (stable while a move inflates the recent volatility), or the long-window volatility while the baseline
    /// is not seeded; 0 when unknown.
    /// </summary>
    public static double VolatilityBps(in MarketFeatures f)
    {
        double v = f.RvBaselineBps > 0 ? f.RvBaselineBps : f.RvLongBps;
        return double.IsFinite(v) && v > 0 ? v : 0.0;
    }

    /// <summary>
    /// The fast-minus-slow EMA gap of the mid in volatility units: its size in bps over (<see cref="VolatilityBps"/> x
    /// the square root of <paramref name="horizonSeconds"/>); 0 when the volatility or the mid is unknown.
    /// </summary>
    public static double MomentumSigma(in MarketFeatures f, double horizonSeconds)
    {
        double vol = VolatilityBps(f);
        if (vol <= 0 || !(f.MidTicks > 0)) return 0.0;
        double z = f.MomentumTicks / f.MidTicks * 1e4 / (vol * Math.Sqrt(horizonSeconds));
        return double.IsFinite(z) ? z : 0.0;
    }
}
