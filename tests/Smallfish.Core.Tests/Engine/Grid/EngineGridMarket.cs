using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine.Grid;

/// <summary>
/// The real engine with the multigrid on (<c>Multigrid:Enabled</c>, built by <see cref="Core.Engine.EngineBuilder"/>), on
/// the simulated exchange of <see cref="EngineHarness"/>: a hand-made market whose mid walks one tick per 100 ms step,
/// a Bybit snapshot of <see cref="DepthLots"/> lots on each of 60 levels per side (bid mid-1, ask mid+1) and a trade at
/// the touch in the direction of travel, so resting grid orders fill through the venue's queue model, not by hand.
/// Instrument: tick 0.1, 1 lot = 1 unit, so 1000 ticks (100.0) makes 1 lot worth 100 USDT; Bybit VIP 0 fees.
/// </summary>
internal sealed class EngineGridMarket : IDisposable
{
    public const long StepNs = 100 * Ms;
    public const long DepthLots = 3;
    public const int Depth = 60;

    private long _ts = T0;

    public EngineGridMarket(Action<MultigridOptions>? grid = null, Action<SmallfishOptions>? configure = null)
    {
        H = new EngineHarness(o =>
        {
            o.Multigrid = Options(grid);
            configure?.Invoke(o);
        });
    }

    public EngineHarness H { get; }

    public long Mid { get; private set; } = 1000;

    public long Now => _ts;

    public GridStrategy Grid => H.Engine.Grid(0)!;

    /// <summary>3 levels of 10 ticks around the mid, 2 lots per level (2 % of 10 000 at 100.0), cap 3 levels, no bias.</summary>
    public static MultigridOptions Options(Action<MultigridOptions>? change = null)
    {
        var o = new MultigridOptions
        {
            Enabled = true,
            Levels = 3,
            SpacingMode = GridSpacingMode.Ticks,
            SpacingTicks = 10,
            SizePerLevelPct = 2.0,
            CenterSource = GridCenterSource.Mid,
            RecenterThresholdLevels = 10.0,
            BiasStrength = 0.0,
            MaxInventoryLevels = 3,
            GridStopPct = 3.0,
        };
        change?.Invoke(o);
        return o;
    }

    /// <summary>A book around <paramref name="mid"/> one step later, and the simulation run to it.</summary>
    public void Quote(long mid)
    {
        Mid = mid;
        _ts += StepNs;
        H.Quote(_ts, mid - 1, mid + 1, DepthLots, DepthLots, Depth);
        H.RunThrough(_ts);
    }

    /// <summary>Walks the mid one tick per step to <paramref name="mid"/>, a trade of <paramref name="tradeLots"/> at the touch each step.</summary>
    public void WalkTo(long mid, long tradeLots = 4)
    {
        while (Mid != mid)
        {
            long dir = Math.Sign(mid - Mid);
            Mid += dir;
            _ts += StepNs;
            H.Quote(_ts, Mid - 1, Mid + 1, DepthLots, DepthLots, Depth);
            H.Trade(_ts, dir > 0 ? Mid + 1 : Mid - 1, tradeLots, dir > 0 ? Side.Buy : Side.Sell);
            H.RunThrough(_ts);
        }
    }

    /// <summary>Runs the simulation <paramref name="ns"/> further without market events.</summary>
    public void Wait(long ns)
    {
        _ts += ns;
        H.RunThrough(_ts);
    }

    /// <summary>Grid orders the venue has working for the symbol.</summary>
    public int VenueWorking => H.Venue.WorkingOrderCount(Symbol);

    public long VenueLots => H.Venue.GetPosition(Symbol).NetLots;

    public void Dispose() => H.Dispose();
}
