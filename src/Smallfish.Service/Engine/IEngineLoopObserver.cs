using Smallfish.Core.Engine;
using Smallfish.Core.State;

namespace Smallfish.Service.Engine;

/// <summary>
/// Watches the engine loop from inside its thread, for monitoring only: which market event is being processed (so a
/// journal record made during it can be timed against the event's receipt) and each published snapshot (so extra
/// read-only views of the engine, such as book tops and grid states, can be copied while no other thread touches it).
/// Members run on the loop's thread and must return quickly, allocate nothing per market event and never throw.
/// </summary>
public interface IEngineLoopObserver
{
    /// <summary>A market event received locally at <paramref name="localTsNs"/> is about to reach the engine (0 after it).</summary>
    void MarketEvent(long localTsNs);

    /// <summary>The engine has just published <paramref name="snapshot"/>; read what else is needed from <paramref name="core"/> now.</summary>
    void Published(IEngineCore core, RuntimeSnapshot snapshot, long nowNs);
}
