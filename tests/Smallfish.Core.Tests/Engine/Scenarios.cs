using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>Round trips the engine scenarios repeat.</summary>
internal static class Scenarios
{
    /// <summary>Opens a 150-lot long at 99.9 at <paramref name="t"/> and stops it out <paramref name="gapTicks"/> below the 98.9 stop.</summary>
    public static void LongStoppedOut(EngineHarness h, long t, long gapTicks = 0)
    {
        h.OpenLong(t);
        long px = 989 - gapTicks;
        h.Quote(t + 100 * Ms, px, px + 1, bidLots: 200);
        h.Trade(t + 101 * Ms, px, 5, Side.Sell);
        h.RunThrough(t + 150 * Ms);
    }

    /// <summary>A fresh 999/1000 book and a trade for the engine to decide on, at <paramref name="t"/>, then run 10 ms.</summary>
    public static void Nudge(EngineHarness h, long t)
    {
        h.Quote(t, 999, 1000);
        h.Trade(t, 1000, 1, Side.Buy);
        h.RunThrough(t + 10 * Ms);
    }
}
