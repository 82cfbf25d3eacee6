using System.Buffers;
using System.Threading.Channels;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// The bounded hand-off between socket readers and the single consumer. Memory stays bounded under a flood:
/// public frames that find the queue full are dropped and counted, and the next frame that gets in carries
/// <see cref="FrameItem.GapBefore"/> so the consumer resyncs; private frames wait for room instead (never dropped),
/// which pushes back on the socket. Control markers always wait for room, so they are never lost.
/// </summary>
internal sealed class FrameQueue
{
    private readonly Channel<FrameItem> _channel;
    private readonly bool _dropWhenFull;
    private readonly StreamStatistics _stats;
    private int _gapPending;

    public FrameQueue(int capacity, bool dropWhenFull, StreamStatistics stats)
    {
        _channel = Channel.CreateBounded<FrameItem>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _dropWhenFull = dropWhenFull;
        _stats = stats;
    }

    public ChannelReader<FrameItem> Reader => _channel.Reader;

    /// <summary>Raised (on the socket task) when a drop episode starts.</summary>
    public event Action? OverflowStarted;

    /// <summary>Copies <paramref name="frame"/> into a pooled buffer and queues it.</summary>
    public ValueTask EnqueueFrameAsync(ReadOnlySpan<byte> frame, long localTsNs, int connectionId, CancellationToken ct)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, frame.Length));
        frame.CopyTo(buffer);
        if (!_dropWhenFull) return _channel.Writer.WriteAsync(new FrameItem(FrameItemKind.Frame, connectionId, buffer, frame.Length, localTsNs), ct);

        bool gap = Volatile.Read(ref _gapPending) != 0;
        if (_channel.Writer.TryWrite(new FrameItem(FrameItemKind.Frame, connectionId, buffer, frame.Length, localTsNs, gap)))
        {
            if (gap) Interlocked.Exchange(ref _gapPending, 0);
            return default;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        _stats.OnFrameDropped();
        _stats.OnFrameHandled();
        if (Interlocked.Exchange(ref _gapPending, 1) == 0) OverflowStarted?.Invoke();
        return default;
    }

    /// <summary>Queues a control marker, waiting for room.</summary>
    public ValueTask EnqueueControlAsync(FrameItem item, CancellationToken ct) => _channel.Writer.WriteAsync(item, ct);

    /// <summary>Queues a control marker if there is room right now (used while stopping).</summary>
    public bool TryEnqueueControl(FrameItem item) => _channel.Writer.TryWrite(item);

    public void Complete() => _channel.Writer.TryComplete();
}
