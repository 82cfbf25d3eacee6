using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>A bare WebSocket client for protocol checks the gateway clients do not exercise.</summary>
internal sealed class RawSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public static async Task<RawSocket> ConnectAsync(VenueEmulator emulator, string pathAndQuery)
    {
        var raw = new RawSocket();
        await raw._socket.ConnectAsync(new Uri("ws://127.0.0.1:" + emulator.Port + pathAndQuery), CancellationToken.None);
        return raw;
    }

    public Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message, parsed.</summary>
    public async Task<JsonElement> ReceiveAsync(int timeoutMs = 5_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var buffer = new byte[1 << 20];
        int count = 0;
        ValueWebSocketReceiveResult r;
        do
        {
            r = await _socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            count += r.Count;
        }
        while (!r.EndOfMessage);
        using var doc = JsonDocument.Parse(buffer.AsMemory(0, count));
        return doc.RootElement.Clone();
    }

    /// <summary>Receives until a message satisfies <paramref name="match"/>; returns the messages before it and the match.</summary>
    public async Task<(List<JsonElement> Before, JsonElement Match)> ReceiveUntilAsync(Func<JsonElement, bool> match, int timeoutMs = 5_000)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var m = await ReceiveAsync(timeoutMs);
            if (match(m)) return (before, m);
            before.Add(m);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
