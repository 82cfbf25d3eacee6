namespace Smallfish.Exchanges.Abstractions;

/// <summary>Counters of a stream client, read without locks (values are eventually consistent).</summary>
public sealed class StreamStatistics
{
    private long _framesReceived;
    private long _framesHandled;
    private long _framesDropped;
    private long _malformed;
    private long _unknown;
    private long _duplicates;
    private long _reconnects;
    private long _pingsSent;
    private long _handlerErrors;

    /// <summary>Frames taken off the sockets.</summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>
    /// Frames the consumer has finished with (parsed and handed on; discarded as duplicate, oversized, malformed or unknown; or dropped because the public queue was full).
    /// <see cref="FramesReceived"/> minus this is what is still queued or being handled: equal means the client has
    /// nothing in hand.
    /// </summary>
    public long FramesHandled => Interlocked.Read(ref _framesHandled);

    /// <summary>Public frames dropped because the consumer fell behind (each drop episode triggers a resync).</summary>
    public long FramesDropped => Interlocked.Read(ref _framesDropped);

    /// <summary>Frames that could not be parsed.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Well-formed frames of a kind nobody handles.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    /// <summary>Frames dropped as duplicates (Binance connection cycling overlap, repeated fills).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Reconnects after a lost connection (cycling not counted).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Application-level pings sent (Bybit).</summary>
    public long PingsSent => Interlocked.Read(ref _pingsSent);

    /// <summary>Exceptions thrown by event subscribers or sinks (caught and logged; never fatal).</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    internal void OnFrameReceived() => Interlocked.Increment(ref _framesReceived);

    internal void OnFrameHandled() => Interlocked.Increment(ref _framesHandled);

    internal void OnFrameDropped() => Interlocked.Increment(ref _framesDropped);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnUnknown() => Interlocked.Increment(ref _unknown);

    internal void OnDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void OnReconnect() => Interlocked.Increment(ref _reconnects);

    internal void OnPingSent() => Interlocked.Increment(ref _pingsSent);

    internal void OnHandlerError() => Interlocked.Increment(ref _handlerErrors);
}
