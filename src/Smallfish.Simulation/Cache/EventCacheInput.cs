namespace Smallfish.Simulation.Cache;

/// <summary>One input of a cached stream: the files one reader reads, in order, and what format they are.</summary>
/// <param name="Format">The format's name (part of the cache key; the caller's reader factory interprets it).</param>
/// <param name="Files">Full paths, read in this order as one stream (e.g. an hftbacktest session's daily files).</param>
public sealed record EventCacheInput(string Format, IReadOnlyList<string> Files);
