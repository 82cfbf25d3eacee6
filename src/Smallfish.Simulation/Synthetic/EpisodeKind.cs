namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// What a labeled stretch of a synthetic stream contains. Every kind but <see cref="Noise"/> is an injected
/// microstructure episode; see docs/synthetic.md for how each is built and what its direction means.
/// </summary>
public enum EpisodeKind : byte
{
    /// <summary>Background only: no episode active (for measuring false positives). Direction 0.</summary>
    Noise = 0,

    /// <summary>Large size placed a few ticks behind one touch, pulled before it trades, replaced, repeated. Direction = the fade (opposite of the fake pressure).</summary>
    SpoofPullReplace,

    /// <summary>A level trades through its small visible size again and again and refills (hidden size). Direction = the defended side (bid iceberg = +1).</summary>
    IcebergRefill,

    /// <summary>One aggressive order takes several levels within a few milliseconds. Direction = aggressor.</summary>
    Sweep,

    /// <summary>Several institutional-size prints on one side within a second or two. Direction = aggressor.</summary>
    WhaleBurst,

    /// <summary>Heavy aggression into a side whose best price holds while it is refilled passively. Direction = the absorbing side.</summary>
    Absorption,

    /// <summary>A sustained drift of the mid over several seconds with one-sided flow. Direction = drift.</summary>
    MomentumBurst,

    /// <summary>Price pushed several volatility units from VWAP on thin flow, then reverting. Direction = back toward VWAP.</summary>
    VwapStretch,

    /// <summary>Realized volatility steps up or down for a while. Direction 0; the label names the regime.</summary>
    VolatilityRegimeShift,

    /// <summary>Depth builds on one side near the touch ahead of a small move that way. Direction = the heavier side.</summary>
    ImbalanceBuild,

    /// <summary>Depth near the touch drains on one side. Direction = toward the thin side (thin asks = +1).</summary>
    LiquidityThinning,
}
