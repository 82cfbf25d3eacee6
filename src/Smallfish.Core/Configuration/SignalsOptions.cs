using Smallfish.Core.Signals;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Signals</c>: the 13 signals in their four weight groups. Default weights
/// (core OBI .22, PRT .10, UMOM .15; whale LTB .08, SWEEP .05, ICE .03; meta VWAP .05, REGIME .02;
/// microstructure CVD .07, TPS .05, LIQ .06, MVR .06, ABSORB .06) sum to 1. Overridable per symbol.
/// </summary>
public sealed class SignalsOptions
{
    /// <summary>Order book imbalance.</summary>
    public ObiSignalOptions Obi { get; set; } = new();

    /// <summary>Pull-and-replace trap (spoofing).</summary>
    public PrtSignalOptions Prt { get; set; } = new();

    /// <summary>Micro-momentum.</summary>
    public UmomSignalOptions Umom { get; set; } = new();

    /// <summary>Large trade burst.</summary>
    public LtbSignalOptions Ltb { get; set; } = new();

    /// <summary>Order book sweep.</summary>
    public SweepSignalOptions Sweep { get; set; } = new();

    /// <summary>Iceberg refill.</summary>
    public IceSignalOptions Ice { get; set; } = new();

    /// <summary>VWAP deviation.</summary>
    public VwapSignalOptions Vwap { get; set; } = new();

    /// <summary>Volatility regime.</summary>
    public RegimeSignalOptions Regime { get; set; } = new();

    /// <summary>Cumulative volume delta.</summary>
    public CvdSignalOptions Cvd { get; set; } = new();

    /// <summary>Trades per second (urgency).</summary>
    public TpsSignalOptions Tps { get; set; } = new();

    /// <summary>Liquidity thinness.</summary>
    public LiqSignalOptions Liq { get; set; } = new();

    /// <summary>Micro-volatility ratio.</summary>
    public MvrSignalOptions Mvr { get; set; } = new();

    /// <summary>Absorption.</summary>
    public AbsorbSignalOptions Absorb { get; set; } = new();

    /// <summary>
    /// The 13 signals indexed by <see cref="SignalId"/> (element i configures <c>(SignalId)i</c>). Allocates a new
    /// array: call it once at start, never on the hot path.
    /// </summary>
    public SignalOptions[] GetAll() => [Obi, Prt, Umom, Ltb, Sweep, Ice, Vwap, Regime, Cvd, Tps, Liq, Mvr, Absorb];

    /// <summary>The options of one signal.</summary>
    public SignalOptions Get(SignalId id) => id switch
    {
        SignalId.Obi => Obi,
        SignalId.Prt => Prt,
        SignalId.Umom => Umom,
        SignalId.Ltb => Ltb,
        SignalId.Sweep => Sweep,
        SignalId.Ice => Ice,
        SignalId.Vwap => Vwap,
        SignalId.Regime => Regime,
        SignalId.Cvd => Cvd,
        SignalId.Tps => Tps,
        SignalId.Liq => Liq,
        SignalId.Mvr => Mvr,
        SignalId.Absorb => Absorb,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "unknown signal"),
    };
}
