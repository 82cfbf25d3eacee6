using System.Collections.Concurrent;

namespace Smallfish.Emulator;

/// <summary>What the emulator has served, for tests and the console (thread-safe, eventually consistent).</summary>
public sealed class EmulatorStatistics
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EmulatorRequest> _log = new();
    private long _lostAnswers;
    private long _framesSent;
    private long _framesQueued;
    private long _framesDropped;
    private long _slowConsumerDrops;

    /// <summary>Requests received for <paramref name="method"/> <paramref name="path"/> (every answer counted, faults included).</summary>
    public long Requests(string method, string path) => _requests.TryGetValue(method + " " + path, out long n) ? n : 0;

    /// <summary>Requests received for a path, any method.</summary>
    public long Requests(string path) => _requests.Where(kv => kv.Key.EndsWith(" " + path, StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>The most recent requests, oldest first; at most 10,000 kept.</summary>
    public IReadOnlyList<EmulatorRequest> RecentRequests => _log.ToArray();

    /// <summary>Held answers the client never waited for (the request was executed).</summary>
    public long LostAnswers => Interlocked.Read(ref _lostAnswers);

    /// <summary>WebSocket connections accepted on an endpoint (e.g. "/v5/public/linear", "/public/stream", "/private/ws").</summary>
    public long Connections(string endpoint) => _connections.TryGetValue(endpoint, out long n) ? n : 0;

    /// <summary>
    /// WebSocket frames queued for sending (every frame the emulator produced for an open connection). Frames are
    /// queued while the event, request or subscription that caused them is handled, so after a feed step or a REST
    /// answer this already counts what it caused; a client has everything once it has received this many.
    /// </summary>
    public long FramesQueued => Interlocked.Read(ref _framesQueued);

    /// <summary>WebSocket frames sent.</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Book deltas not sent because of an injected sequence skip.</summary>
    public long FramesSkipped => Interlocked.Read(ref _framesDropped);

    /// <summary>Connections dropped because their send queue overflowed.</summary>
    public long SlowConsumerDrops => Interlocked.Read(ref _slowConsumerDrops);

    internal void CountRequest(string method, string path, int status, long arrivedMs)
    {
        _requests.AddOrUpdate(method + " " + path, 1, (_, n) => n + 1);
        _log.Enqueue(new EmulatorRequest(method, path, status, arrivedMs));
        while (_log.Count > 10_000) _log.TryDequeue(out _);
    }

    internal void CountLostAnswer() => Interlocked.Increment(ref _lostAnswers);

    internal void CountConnection(string endpoint) => _connections.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    internal void CountFrameQueued() => Interlocked.Increment(ref _framesQueued);

    internal void CountFrameSent() => Interlocked.Increment(ref _framesSent);

    internal void CountSkipped() => Interlocked.Increment(ref _framesDropped);

    internal void CountSlowConsumer() => Interlocked.Increment(ref _slowConsumerDrops);
}
