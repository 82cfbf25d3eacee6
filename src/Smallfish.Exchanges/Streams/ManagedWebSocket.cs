using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Logging;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// One long-lived WebSocket: connect, hand every complete text message to the queue with its receive timestamp
/// (taken before any parsing), send the venue's heartbeat on schedule, drop the link when it goes silent, and
/// reconnect with exponential backoff and jitter until stopped. Timers come from the injected clock.
/// </summary>
internal sealed class ManagedWebSocket : IAsyncDisposable
{
    private const int InitialBufferBytes = 64 * 1024;
    private readonly IConnectionHandler _handler;
    private readonly FrameQueue _queue;
    private readonly ConnectionSettings _settings;
    private readonly StreamClientOptions _options;
    private readonly TimeProvider _clock;
    private readonly StreamStatistics _stats;
    private readonly ILogger _log;
    private readonly string _exchange;
    private readonly Func<double> _random;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _heartbeatSignal = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stop = new();
    private byte[] _buffer = new byte[InitialBufferBytes];
    private volatile ClientWebSocket? _socket;
    private volatile TaskCompletionSource _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastFrameMs;
    private long _sessionFrames;
    private Task? _run;
    private int _connectCount;

    public ManagedWebSocket(int id, IConnectionHandler handler, FrameQueue queue, ConnectionSettings settings, StreamClientOptions options,
        TimeProvider clock, StreamStatistics stats, ILogger log, string exchange, Func<double> random)
    {
        Id = id;
        _handler = handler;
        _queue = queue;
        _settings = settings;
        _options = options;
        _clock = clock;
        _stats = stats;
        _log = log;
        _exchange = exchange;
        _random = random;
    }

    public int Id { get; }

    public bool IsPrivate => _settings.IsPrivate;

    /// <summary>Successful handshakes so far.</summary>
    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <summary>True while a socket is open.</summary>
    public bool IsConnected => _socket is { State: WebSocketState.Open };

    /// <summary>Completes when the current (or, before the first connect, the first) session has received its first frame.</summary>
    public Task FirstFrameReceived => _firstFrame.Task;

    public void Start(CancellationToken ct)
    {
        if (_run is not null) throw new InvalidOperationException("already started");
        var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        _run = RunAsync(linked);
    }

    /// <summary>Sends a text message on the current socket.</summary>
    public async Task SendTextAsync(string text, CancellationToken ct)
    {
        var socket = _socket ?? throw new InvalidOperationException("not connected");
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the current socket; the loop reconnects.</summary>
    public void Drop(string reason)
    {
        var socket = _socket;
        if (socket is null) return;
        StreamLog.Info(_log, _exchange, $"{_settings.Kind} connection {Id}: dropping ({reason})");
        socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        var socket = _socket;
        if (socket is { State: WebSocketState.Open })
        {
            try
            {
                // Wall-clock bound on purpose: shutdown must not wait for a simulated clock to move.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // closing is best effort
            }
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        socket?.Abort();
        if (_run is not null) await _run.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationTokenSource lifetime)
    {
        using var _ = lifetime;
        var ct = lifetime.Token;
        int failures = 0;
        while (!ct.IsCancellationRequested)
        {
            string reason;
            try
            {
                reason = await RunSessionAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                reason = ex.GetType().Name + ": " + ex.Message; // any failure of one attempt means: back off and retry
            }
            if (ct.IsCancellationRequested) break;
            if (Interlocked.Exchange(ref _sessionFrames, 0) > 0) failures = 0;
            var delay = ReconnectBackoff.Next(failures++, _options.ReconnectBaseDelay, _options.ReconnectMaxDelay, _random());
            StreamLog.Disconnected(_log, _exchange, _settings.Kind, Id, reason, (long)delay.TotalMilliseconds);
            _queue.TryEnqueueControl(new FrameItem(FrameItemKind.Connection, Id,
                payload: new StreamConnectionEvent(Id, IsPrivate, StreamConnectionState.Disconnected, reason)));
            try
            {
                await Task.Delay(delay, _clock, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<string> RunSessionAsync(CancellationToken ct)
    {
        Uri uri = await _handler.GetUriAsync(this, _connectCount > 0, ct).ConfigureAwait(false);
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.ProtocolKeepAliveInterval;
        using (var connectTimeout = new CancellationTokenSource(_options.ConnectTimeout, _clock))
        using (var connectCt = CancellationTokenSource.CreateLinkedTokenSource(ct, connectTimeout.Token))
        {
            await socket.ConnectAsync(uri, connectCt.Token).ConfigureAwait(false);
        }
        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int count = Interlocked.Increment(ref _connectCount);
        bool reconnect = count > 1;
        if (_firstFrame.Task.IsCompleted) _firstFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _lastFrameMs, _clock.GetUnixTimeMs());
        _socket = socket;
        try
        {
            StreamLog.Connected(_log, _exchange, _settings.Kind, Id, LogRedaction.SafeUrl(uri), count);
            if (reconnect)
            {
                _stats.OnReconnect();
                await _queue.EnqueueControlAsync(new FrameItem(FrameItemKind.Reconnected, Id), ct).ConfigureAwait(false);
            }
            await _queue.EnqueueControlAsync(new FrameItem(FrameItemKind.Connection, Id,
                payload: new StreamConnectionEvent(Id, IsPrivate, StreamConnectionState.Connected, reconnect ? "reconnected" : null)), ct).ConfigureAwait(false);

            using var heartbeatTimer = _settings.HeartbeatInterval > TimeSpan.Zero
                ? _clock.CreateTimer(static s => ((SemaphoreSlim)s!).Release(), _heartbeatSignal, _settings.HeartbeatInterval, _settings.HeartbeatInterval)
                : null;
            using var staleTimer = _settings.StaleTimeout > TimeSpan.Zero
                ? _clock.CreateTimer(static s => ((ManagedWebSocket)s!).CheckStale(), this, _options.StaleCheckInterval, _options.StaleCheckInterval)
                : null;
            using var lifetimeTimer = _settings.Lifetime > TimeSpan.Zero && _settings.OnLifetimeExpired is not null
                ? _clock.CreateTimer(static s => ((ManagedWebSocket)s!)._settings.OnLifetimeExpired!((ManagedWebSocket)s!), this, _settings.Lifetime, Timeout.InfiniteTimeSpan)
                : null;

            var receive = ReceiveLoopAsync(socket, session.Token);
            var heartbeat = heartbeatTimer is null ? Task.CompletedTask : HeartbeatLoopAsync(socket, session.Token);
            string? setupFailure = null;
            try
            {
                await _handler.OnOpenedAsync(this, reconnect, session.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                setupFailure = "setup failed: " + ex.Message;
                socket.Abort();
            }
            string reason = await receive.ConfigureAwait(false);
            await session.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            return setupFailure ?? reason;
        }
        finally
        {
            _socket = null;
            while (_heartbeatSignal.CurrentCount > 0) _heartbeatSignal.Wait(0);
        }
    }

    private async Task<string> ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        int count = 0;
        bool skipping = false;
        try
        {
            while (true)
            {
                if (count == _buffer.Length)
                {
                    if (_buffer.Length >= _options.MaxFrameBytes)
                    {
                        skipping = true; // oversized: discard the rest of this message
                        count = 0;
                    }
                    else
                    {
                        Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _options.MaxFrameBytes));
                    }
                }
                var result = await socket.ReceiveAsync(_buffer.AsMemory(count), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    return "closed by server (" + (socket.CloseStatus?.ToString() ?? "no status") + ")";
                }
                count += result.Count;
                if (!result.EndOfMessage) continue;

                long receivedNs = _clock.GetUnixTimeNs(); // receive timestamp: before any parsing
                Volatile.Write(ref _lastFrameMs, receivedNs / TimeProviderExtensions.NsPerMs);
                _stats.OnFrameReceived();
                Interlocked.Increment(ref _sessionFrames);
                if (skipping)
                {
                    _stats.OnMalformed();
                    _stats.OnFrameHandled();
                    skipping = false;
                }
                else
                {
                    await _queue.EnqueueFrameAsync(_buffer.AsSpan(0, count), receivedNs, Id, ct).ConfigureAwait(false);
                    _firstFrame.TrySetResult();
                }
                count = 0;
            }
        }
        catch (OperationCanceledException)
        {
            return "stopped";
        }
        catch (WebSocketException ex)
        {
            return "socket error " + ex.WebSocketErrorCode;
        }
        catch (IOException)
        {
            return "io error";
        }
        catch (ObjectDisposedException)
        {
            return "socket disposed";
        }
    }

    private async Task HeartbeatLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _heartbeatSignal.WaitAsync(ct).ConfigureAwait(false);
                await _sendLock.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await socket.SendAsync(new ReadOnlyMemory<byte>(_settings.HeartbeatPayload), WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
                _stats.OnPingSent();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            if (!ct.IsCancellationRequested) socket.Abort(); // a failed ping means a dead link
        }
    }

    private void CheckStale()
    {
        long silentMs = _clock.GetUnixTimeMs() - Volatile.Read(ref _lastFrameMs);
        if (silentMs <= (long)_settings.StaleTimeout.TotalMilliseconds) return;
        var socket = _socket;
        if (socket is null) return;
        StreamLog.Stale(_log, _exchange, _settings.Kind, Id, silentMs);
        Volatile.Write(ref _lastFrameMs, _clock.GetUnixTimeMs());
        socket.Abort();
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)); // wall clock: see DisposeAsync
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // the server is gone already
        }
    }
}
