namespace Smallfish.Simulation.Cache;

/// <summary>How <see cref="EventCache.GetOrBuild"/> got its file.</summary>
public enum EventCacheOutcome
{
    /// <summary>A valid cache file was already there.</summary>
    Hit,

    /// <summary>There was none: it was converted from the sources.</summary>
    Built,

    /// <summary>The file there was corrupt or did not match its manifest: it was deleted and converted again.</summary>
    Rebuilt,
}
