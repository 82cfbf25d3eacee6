using System.Net.WebSockets;
using System.Threading.Channels;
using Smallfish.Emulator.Faults;

namespace Smallfish.Emulator.Sockets;

/// <summary>
/// One accepted WebSocket: a bounded send queue filled under the venue gate (never blocking it) and drained by a send
/// loop that applies the injected frame delay, and a receive loop that hands each complete text message to the
/// protocol. A connection whose queue overflows is dropped, as exchanges drop slow consumers.
/// </summary>
internal sealed class WsConnection
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly WebSocket _socket;
    private readonly Channel<(ReadOnlyMemory<byte> Frame, long EnqueuedTicks)> _out;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorStatistics _stats;
    private readonly TimeProvider _clock;
    private readonly object _holdGate = new();
    private Queue<ReadOnlyMemory<byte>>? _held;
    private int _aborted;

    public WsConnection(int id, WebSocket socket, EmulatorSurfaces surface, EmulatorStreamKind kind, string endpoint, int capacity,
        EmulatorFaults faults, EmulatorStatistics stats, TimeProvider clock)
    {
        Id = id;
        _socket = socket;
        Surface = surface;
        Kind = kind;
        Endpoint = endpoint;
        _faults = faults;
        _stats = stats;
        _clock = clock;
        _out = Channel.CreateBounded<(ReadOnlyMemory<byte>, long)>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public int Id { get; }

    public EmulatorSurfaces Surface { get; }

    public EmulatorStreamKind Kind { get; }

    public string Endpoint { get; }

    public bool IsOpen => Volatile.Read(ref _aborted) == 0 && _socket.State == WebSocketState.Open;

    /// <summary>Protocol state (subscriptions, auth, listen key).</summary>
    public object? State { get; set; }

    /// <summary>Frames held back (see <see cref="Hold"/>).</summary>
    public int HeldCount
    {
        get { lock (_holdGate) return _held?.Count ?? 0; }
    }

    /// <summary>From now on, frames wait in the connection until <see cref="Release"/> (a lockstep driver's ordering control).</summary>
    public void Hold()
    {
        lock (_holdGate) _held ??= new Queue<ReadOnlyMemory<byte>>();
    }

    /// <summary>Queues the held frames for sending, in order; <paramref name="keepHolding"/> false ends holding. Returns how many.</summary>
    public int Release(bool keepHolding)
    {
        lock (_holdGate)
        {
            if (_held is null) return 0;
            int n = 0;
            while (_held.TryDequeue(out var frame) && Enqueue(frame)) n++;
            if (!keepHolding) _held = null;
            return n;
        }
    }

    /// <summary>Queues a frame (or holds it back while holding); false (and the connection is dropped) when the queue is full.</summary>
    public bool Send(ReadOnlyMemory<byte> frame)
    {
        lock (_holdGate)
        {
            if (_held is not null && Volatile.Read(ref _aborted) == 0)
            {
                _held.Enqueue(frame);
                return true;
            }
            return Enqueue(frame);
        }
    }

    private bool Enqueue(ReadOnlyMemory<byte> frame)
    {
        if (Volatile.Read(ref _aborted) != 0) return false;
        if (_out.Writer.TryWrite((frame, _clock.GetTimestamp())))
        {
            _stats.CountFrameQueued();
            return true;
        }
        _stats.CountSlowConsumer();
        Abort();
        return false;
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0) return;
        _out.Writer.TryComplete();
        _socket.Abort();
    }

    /// <summary>Runs until the peer or the server ends the connection.</summary>
    public async Task RunAsync(Func<WsConnection, ReadOnlyMemory<byte>, ValueTask> onMessage, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendLoopAsync(stop.Token);
        try
        {
            await ReceiveLoopAsync(onMessage, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _out.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // the socket is gone
            }
        }
    }

    private async Task ReceiveLoopAsync(Func<WsConnection, ReadOnlyMemory<byte>, ValueTask> onMessage, CancellationToken ct)
    {
        var buffer = new byte[MaxMessageBytes];
        try
        {
            while (IsOpen)
            {
                int count = 0;
                ValueWebSocketReceiveResult r;
                do
                {
                    if (count == buffer.Length) return; // an oversized control message: drop the connection
                    r = await _socket.ReceiveAsync(buffer.AsMemory(count), ct).ConfigureAwait(false);
                    count += r.Count;
                }
                while (!r.EndOfMessage);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync().ConfigureAwait(false);
                    return;
                }
                if (r.MessageType == WebSocketMessageType.Text) await onMessage(this, buffer.AsMemory(0, count)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // dropped
        }
        finally
        {
            Abort();
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        var reader = _out.Reader;
        while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                var delay = _faults.FrameDelay;
                if (delay > TimeSpan.Zero)
                {
                    var wait = delay - _clock.GetElapsedTime(item.EnqueuedTicks);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
                }
                await _socket.SendAsync(item.Frame, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
                _stats.CountFrameSent();
            }
        }
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // the peer is gone already
        }
    }
}
