using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Scorers;

/// <summary>Per-symbol memory of the OBI scorer: time-aware averages of the imbalance, its rate of change and the micro-price pressure.</summary>
public struct ObiState
{
    internal TimeEma Imbalance;
    internal TimeEma Rate;
    internal TimeEma Micro;
    internal int SmoothingMs;
    internal bool Ready;

    /// <summary>Forgets the averages (for example after a book resync).</summary>
    public void Reset() => Ready = false;
}
