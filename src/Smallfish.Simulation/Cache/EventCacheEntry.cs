namespace Smallfish.Simulation.Cache;

/// <summary>A cache file ready to replay.</summary>
/// <param name="Path">The recording file.</param>
/// <param name="Manifest">What it holds.</param>
/// <param name="Outcome">Hit, built or rebuilt.</param>
/// <param name="Note">Why it was rebuilt (null otherwise).</param>
/// <param name="BuildSeconds">Wall time of the conversion (0 on a hit).</param>
public sealed record EventCacheEntry(string Path, EventCacheManifest Manifest, EventCacheOutcome Outcome, string? Note, double BuildSeconds)
{
    /// <summary>Opens the file as an ordered source, its symbol moved to <paramref name="symbolId"/>.</summary>
    public RecordingEventSource Open(int symbolId = 0) => RecordingEventSource.Open(Path, symbolId == 0 ? null : [symbolId]);
}
