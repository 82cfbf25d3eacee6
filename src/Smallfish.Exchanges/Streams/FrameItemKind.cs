namespace Smallfish.Exchanges.Streams;

/// <summary>What travels through a stream client's queue: frames, and control markers kept in order with them.</summary>
internal enum FrameItemKind : byte
{
    /// <summary>A WebSocket text message in a pooled buffer.</summary>
    Frame,

    /// <summary>A connection came back after a loss: everything derived from it must resync.</summary>
    Reconnected,

    /// <summary>A connection state change to report (payload: StreamConnectionEvent).</summary>
    Connection,

    /// <summary>A REST book snapshot to hand to the sink in order (payload: BookUpdate).</summary>
    Snapshot,

    /// <summary>Start dropping duplicates (two connections deliver the same streams while cycling).</summary>
    DedupeOn,

    /// <summary>Stop dropping duplicates (the old connection is closed and its frames are drained).</summary>
    DedupeOff,
}
