namespace Smallfish.Core.Recovery;

/// <summary>Where the stop of a position taken over at a restart came from.</summary>
public enum StopSource : byte
{
    /// <summary>A live Smallfish stop on the exchange, adopted (resized if it did not cover the position).</summary>
    Exchange,

    /// <summary>No live stop: placed at the level the journal last knew.</summary>
    Journal,

    /// <summary>No live stop and no known level: placed by the configured stop rule from the current book and features.</summary>
    StopRule,

    /// <summary>No live stop, no known level, book not ready: placed at <c>Risk:Recovery:FallbackStopTicks</c> (or the rule's widest distance).</summary>
    Fallback,
}
