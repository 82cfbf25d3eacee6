using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>Per-symbol memory of the LIQ scorer: time-aware averages of the near-touch asymmetry and the thinness.</summary>
public struct LiqState
{
    internal TimeEma Asymmetry;
    internal TimeEma Thinness;
    internal int SmoothingMs;
    internal bool Ready;

    /// <summary>Forgets the averages.</summary>
    public void Reset() => Ready = false;
}
