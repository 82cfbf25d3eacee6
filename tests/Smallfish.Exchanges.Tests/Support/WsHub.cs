using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Accepts WebSocket connections on the fake server and hands each to the test as a <see cref="WsSession"/>.</summary>
internal sealed class WsHub
{
    private readonly Channel<WsSession> _sessions = Channel.CreateUnbounded<WsSession>();
    private int _count;

    /// <summary>Optional automatic answer to a client message (e.g. Bybit pong); null = no answer.</summary>
    public Func<string, string?>? AutoReply { get; set; }

    public int ConnectionCount => Volatile.Read(ref _count);

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _count);
        var session = new WsSession(socket, context.Request.Path + context.Request.QueryString, AutoReply);
        _sessions.Writer.TryWrite(session);
        await session.RunAsync(context.RequestAborted);
    }

    public async Task<WsSession> NextAsync(TimeSpan? timeout = null) =>
        await _sessions.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public bool TryNext(out WsSession? session) => _sessions.Reader.TryRead(out session);
}

/// <summary>One server-side connection: what the client sent, and controls to send, close or drop.</summary>
internal sealed class WsSession
{
    private readonly WebSocket _socket;
    private readonly Func<string, string?>? _autoReply;
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;
    private int _autoReplied;

    public WsSession(WebSocket socket, string path, Func<string, string?>? autoReply)
    {
        _socket = socket;
        Path = path;
        _autoReply = autoReply;
    }

    public string Path { get; }

    public int ReceivedCount => Volatile.Read(ref _received);

    /// <summary>Client messages answered automatically (e.g. pings).</summary>
    public int AutoRepliedCount => Volatile.Read(ref _autoReplied);

    public Task Closed => _closed.Task;

    public async Task<string> ReceiveAsync(TimeSpan? timeout = null) =>
        await _incoming.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public bool TryReceive(out string? message) => _incoming.Reader.TryRead(out message);

    public async Task SendAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        _socket.Abort();
        _closed.TrySetResult();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                int count = 0;
                WebSocketReceiveResult r;
                do
                {
                    r = await _socket.ReceiveAsync(buffer.AsMemory(count).ToArraySegment(), ct);
                    count += r.Count;
                }
                while (!r.EndOfMessage);
                if (r.MessageType == WebSocketMessageType.Close) break;
                string text = Encoding.UTF8.GetString(buffer, 0, count);
                Interlocked.Increment(ref _received);
                string? reply = _autoReply?.Invoke(text);
                if (reply is not null)
                {
                    Interlocked.Increment(ref _autoReplied);
                    await SendAsync(reply);
                }
                else _incoming.Writer.TryWrite(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _closed.TrySetResult();
            _incoming.Writer.TryComplete();
        }
    }
}

internal static class MemoryExtensions2
{
    public static ArraySegment<byte> ToArraySegment(this Memory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment : throw new InvalidOperationException();
}
