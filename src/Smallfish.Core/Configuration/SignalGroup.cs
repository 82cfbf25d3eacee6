namespace Smallfish.Core.Configuration;

/// <summary>The four weight groups the 13 signals belong to (fixed per signal, not configurable).</summary>
public enum SignalGroup
{
    /// <summary>Core (w): OBI, PRT, UMOM.</summary>
    Core,

    /// <summary>Whale (v): LTB, SWEEP, ICE.</summary>
    Whale,

    /// <summary>Meta (x): VWAP, REGIME.</summary>
    Meta,

    /// <summary>Microstructure (t): CVD, TPS, LIQ, MVR, ABSORB.</summary>
    Micro,
}
