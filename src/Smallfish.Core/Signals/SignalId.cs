namespace Smallfish.Core.Signals;

/// <summary>The thirteen signals, in their weight groups: core (w), whale (v), meta (x), micro (t).</summary>
public enum SignalId : byte
{
    /// <summary>Order-book imbalance (core).</summary>
    Obi = 0,

    /// <summary>Pull-and-replace trap: spoofing, fade the fake pressure (core).</summary>
    Prt,

    /// <summary>Micro-momentum: fast vs slow EMA crossover (core).</summary>
    Umom,

    /// <summary>Large-trade burst (whale).</summary>
    Ltb,

    /// <summary>One aggressive order taking several levels (whale).</summary>
    Sweep,

    /// <summary>Iceberg refill (whale).</summary>
    Ice,

    /// <summary>VWAP deviation, mean reversion (meta).</summary>
    Vwap,

    /// <summary>Volatility regime (meta).</summary>
    Regime,

    /// <summary>Cumulative volume delta: flow confirmation and divergence (micro).</summary>
    Cvd,

    /// <summary>Trade intensity and buy/sell ratio (micro).</summary>
    Tps,

    /// <summary>Liquidity thinness and asymmetry (micro).</summary>
    Liq,

    /// <summary>Micro-volatility ratio: breakout vs chop (micro).</summary>
    Mvr,

    /// <summary>Absorption at a defended level (micro).</summary>
    Absorb,
}

/// <summary>Facts about <see cref="SignalId"/>.</summary>
public static class SignalIds
{
    /// <summary>Number of signals.</summary>
    public const int Count = 13;

    private static readonly string[] Names = ["OBI", "PRT", "UMOM", "LTB", "SWEEP", "ICE", "VWAP", "REGIME", "CVD", "TPS", "LIQ", "MVR", "ABSORB"];

    /// <summary>The short upper-case name used in configuration, the journal and reports (e.g. "OBI").</summary>
    public static string Name(this SignalId id) => Names[(int)id];

    /// <summary>Parses a short name, case-insensitive.</summary>
    public static bool TryParse(string name, out SignalId id)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                id = (SignalId)i;
                return true;
            }
        }
        id = default;
        return false;
    }
}
