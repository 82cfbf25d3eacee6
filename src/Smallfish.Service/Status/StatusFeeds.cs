using Smallfish.Service.Activity;
using Smallfish.Service.Engine;

namespace Smallfish.Service.Status;

/// <summary>What the status document reads besides the runtime snapshot: the engine view, this run's activity and the loop's counters.</summary>
/// <param name="Tap">Books, fusion, grids and sampled mids copied at each published snapshot.</param>
/// <param name="Activity">Trades, markers, fills, rejects and latencies from the journal.</param>
/// <param name="Counters">The engine loop's counters (dropped events).</param>
public sealed record StatusFeeds(EngineStatusTap Tap, ServiceActivity Activity, EngineLoopCounters? Counters);
