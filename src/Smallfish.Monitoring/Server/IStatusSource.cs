using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Server;

/// <summary>
/// Where the status endpoint gets its snapshot. Called on a request thread: return an immutable snapshot the engine
/// already published (never read mutable engine state here), or null while there is none yet.
/// </summary>
public interface IStatusSource
{
    /// <summary>The latest snapshot, or null when the service has not published one.</summary>
    StatusSnapshot? GetSnapshot();
}
