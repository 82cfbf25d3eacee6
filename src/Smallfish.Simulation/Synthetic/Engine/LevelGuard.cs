using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>How a guarded level behaves toward the background.</summary>
internal enum GuardMode : byte
{
    /// <summary>No guard.</summary>
    None = 0,

    /// <summary>Spoof size rests here: takers stop before it, cancels leave its lots, and a quote move that would reach it pulls it instead of trading it.</summary>
    Spoof,

    /// <summary>An iceberg: fills beyond the visible size print from hidden size; the level is refilled to its display size after each action; nothing may quote better on its side.</summary>
    Iceberg,

    /// <summary>A defended best price: takers cannot empty it, nothing may quote better on its side, cancels leave it alone.</summary>
    Absorb,
}

/// <summary>
/// One level an episode protects from the background so the episode stays what its label says (a spoof is never
/// traded, an iceberg keeps its display size, an absorbing best price holds).
/// </summary>
internal sealed class LevelGuard
{
    public GuardMode Mode;
    public Side Side;
    public long Price;

    /// <summary>Spoof: the episode's own lots on top of the background's at <see cref="Price"/>.</summary>
    public long ReservedLots;

    /// <summary>Spoof: set when the market pulled the size because the touch came too close.</summary>
    public bool Pulled;

    /// <summary>Iceberg: size shown after each refill.</summary>
    public long DisplayLots;

    /// <summary>Iceberg: hidden size left.</summary>
    public long HiddenLots;

    /// <summary>Iceberg: set when the visible size fell below the display size during the current action.</summary>
    public bool NeedsRefill;

    /// <summary>Hidden lots printed so far (iceberg).</summary>
    public long HiddenPrinted;

    public bool Active => Mode != GuardMode.None;

    public bool Is(GuardMode mode, Side side, long price) => Mode == mode && Side == side && Price == price;

    public void Clear()
    {
        Mode = GuardMode.None;
        ReservedLots = DisplayLots = HiddenLots = HiddenPrinted = 0;
        Pulled = NeedsRefill = false;
    }
}
