using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// Bybit's public linear stream on 127.0.0.1 (Kestrel, port 0): acknowledges the subscribe request, then sends the
/// given frames and keeps answering pings until the client leaves.
/// </summary>
internal sealed class FakeBybitPublic : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBybitPublic(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"ws://127.0.0.1:{Port}/v5/public/linear";

    /// <summary>The topics the client subscribed to.</summary>
    public List<string> Topics { get; } = [];

    public static async Task<FakeBybitPublic> StartAsync(IReadOnlyList<string> frames)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.UseWebSockets();
        FakeBybitPublic? server = null;
        app.Map("/v5/public/linear", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await server!.ServeAsync(socket, frames, context.RequestAborted);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeBybitPublic(app, new Uri(address).Port);
        return server;
    }

    private async Task ServeAsync(WebSocket socket, IReadOnlyList<string> frames, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        bool sent = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) break;
                using JsonDocument request = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                string op = request.RootElement.GetProperty("op").GetString() ?? "";
                if (op == "subscribe")
                {
                    lock (Topics)
                    {
                        foreach (JsonElement topic in request.RootElement.GetProperty("args").EnumerateArray()) Topics.Add(topic.GetString()!);
                    }

                    string reqId = request.RootElement.TryGetProperty("req_id", out JsonElement id) ? id.GetString() ?? "" : "";
                    await SendAsync(socket, $"{{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"c1\",\"req_id\":\"{reqId}\",\"op\":\"subscribe\"}}", cancellationToken);
                    if (sent) continue;
                    sent = true;
                    foreach (string frame in frames) await SendAsync(socket, frame, cancellationToken);
                }
                else if (op == "ping")
                {
                    await SendAsync(socket, "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"c1\",\"op\":\"ping\"}", cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }
}
