using Smallfish.Core.Signals;

namespace Smallfish.Simulation.Synthetic;

/// <summary>Facts about <see cref="EpisodeKind"/>: the injectable kinds and the signals each is meant to exercise.</summary>
public static class EpisodeKinds
{
    /// <summary>Every injectable kind (all but <see cref="EpisodeKind.Noise"/>), in enum order.</summary>
    public static IReadOnlyList<EpisodeKind> All { get; } =
    [
        EpisodeKind.SpoofPullReplace, EpisodeKind.IcebergRefill, EpisodeKind.Sweep, EpisodeKind.WhaleBurst,
        EpisodeKind.Absorption, EpisodeKind.MomentumBurst, EpisodeKind.VwapStretch, EpisodeKind.VolatilityRegimeShift,
        EpisodeKind.ImbalanceBuild, EpisodeKind.LiquidityThinning,
    ];

    /// <summary>
    /// The signals an episode of this kind is built to trigger (first = primary). Empty for <see cref="EpisodeKind.Noise"/>,
    /// where any firing is a false positive. A guide for detection-rate measurements, not a promise about any signal.
    /// </summary>
    public static IReadOnlyList<SignalId> TargetSignals(this EpisodeKind kind) => kind switch
    {
        EpisodeKind.SpoofPullReplace => [SignalId.Prt],
        EpisodeKind.IcebergRefill => [SignalId.Ice, SignalId.Absorb],
        EpisodeKind.Sweep => [SignalId.Sweep],
        EpisodeKind.WhaleBurst => [SignalId.Ltb, SignalId.Cvd],
        EpisodeKind.Absorption => [SignalId.Absorb, SignalId.Cvd],
        EpisodeKind.MomentumBurst => [SignalId.Umom, SignalId.Cvd, SignalId.Tps],
        EpisodeKind.VwapStretch => [SignalId.Vwap],
        EpisodeKind.VolatilityRegimeShift => [SignalId.Regime, SignalId.Mvr],
        EpisodeKind.ImbalanceBuild => [SignalId.Obi],
        EpisodeKind.LiquidityThinning => [SignalId.Liq],
        _ => [],
    };
}
