using Microsoft.AspNetCore.Http;
using Smallfish.Emulator.Binance;
using Smallfish.Emulator.Bybit;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;

namespace Smallfish.Emulator.Hosting;

/// <summary>
/// Accepts the WebSocket endpoints: Bybit <c>/v5/public/linear</c> and <c>/v5/private</c>; Binance raw
/// <c>/ws/&lt;streams&gt;</c> and combined <c>/stream?streams=</c> under the legacy root, <c>/public</c> and
/// <c>/market</c>, and the user data stream <c>/private/ws/&lt;listenKey&gt;</c> (also <c>/ws/&lt;listenKey&gt;</c> and
/// <c>?listenKey=</c>). Each connection runs until either side ends it; closing removes its subscriptions.
/// </summary>
internal sealed class WebSocketEndpoints
{
    private readonly EmulatorVenue _venue;
    private readonly ConnectionSet _connections;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorStatistics _stats;
    private readonly VenueEmulatorOptions _options;
    private readonly BybitPublisher? _bybit;
    private readonly BybitSocketHandler? _bybitSockets;
    private readonly BinancePublisher? _binance;
    private readonly BinanceSocketHandler? _binanceSockets;

    public WebSocketEndpoints(EmulatorVenue venue, ConnectionSet connections, EmulatorFaults faults, EmulatorStatistics stats, VenueEmulatorOptions options,
        BybitPublisher? bybit, BinancePublisher? binance)
    {
        _venue = venue;
        _connections = connections;
        _faults = faults;
        _stats = stats;
        _options = options;
        _bybit = bybit;
        _binance = binance;
        if (bybit is not null) _bybitSockets = new BybitSocketHandler(venue, bybit, options);
        if (binance is not null) _binanceSockets = new BinanceSocketHandler(venue, binance);
    }

    /// <summary>True when <paramref name="path"/> is one of the WebSocket endpoints served.</summary>
    public bool IsWebSocketPath(string path)
    {
        if (_bybit is not null && path is "/v5/public/linear" or "/v5/private") return true;
        if (_binance is null) return false;
        string rest = StripRoute(path, out _);
        return rest is "/ws" or "/stream" || rest.StartsWith("/ws/", StringComparison.Ordinal);
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "";
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = 400;
            return;
        }
        if (path == "/v5/public/linear" && _bybit is not null)
        {
            await RunAsync(ctx, EmulatorSurfaces.Bybit, EmulatorStreamKind.Public, path, new BybitConnectionState(), null, _bybitSockets!.OnPublicMessageAsync, c => _bybit.Remove(c)).ConfigureAwait(false);
            return;
        }
        if (path == "/v5/private" && _bybit is not null)
        {
            await RunAsync(ctx, EmulatorSurfaces.Bybit, EmulatorStreamKind.Private, path, new BybitConnectionState(), null, _bybitSockets!.OnPrivateMessageAsync, c => _bybit.Remove(c)).ConfigureAwait(false);
            return;
        }
        await HandleBinanceAsync(ctx, path).ConfigureAwait(false);
    }

    private async Task HandleBinanceAsync(HttpContext ctx, string path)
    {
        var binance = _binance!;
        string rest = StripRoute(path, out var route);
        string? listenKey = ctx.Request.Query["listenKey"].ToString() is { Length: > 0 } q ? q : null;
        var segments = rest.StartsWith("/ws/", StringComparison.Ordinal) ? rest[4..].Split('/', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
        if (listenKey is null && (route == BinanceRoute.Private || route == BinanceRoute.Legacy) && segments.Length == 1 && !segments[0].Contains('@', StringComparison.Ordinal))
        {
            listenKey = segments[0];
        }
        if (listenKey is not null || route == BinanceRoute.Private)
        {
            if (listenKey is null || !binance.IsListenKeyValid(listenKey))
            {
                ctx.Response.StatusCode = 400; // a dead or unknown listen key: the client creates a new one
                return;
            }
            var userState = new BinanceConnectionState(BinanceRoute.Private, combined: false, listenKey);
            await RunAsync(ctx, EmulatorSurfaces.Binance, EmulatorStreamKind.Private, route == BinanceRoute.Private ? "/private/ws" : "/ws", userState,
                c => { lock (_venue.Gate) binance.AddUser(c); }, (_, _) => ValueTask.CompletedTask, c => binance.Remove(c)).ConfigureAwait(false);
            return;
        }
        bool combined = rest == "/stream";
        var streams = combined
            ? ctx.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries)
            : segments;
        var state = new BinanceConnectionState(route, combined, null);
        await RunAsync(ctx, EmulatorSurfaces.Binance, EmulatorStreamKind.Public, path.StartsWith("/ws/", StringComparison.Ordinal) ? "/ws" : RouteName(path), state,
            c => _binanceSockets!.SubscribeInitial(c, streams), _binanceSockets!.OnMarketMessageAsync, c => binance.Remove(c)).ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext ctx, EmulatorSurfaces surface, EmulatorStreamKind kind, string endpoint, object state,
        Action<WsConnection>? opened, Func<WsConnection, ReadOnlyMemory<byte>, ValueTask> onMessage, Action<WsConnection> closed)
    {
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new WsConnection(_connections.NextId(), socket, surface, kind, endpoint, _options.MaxQueuedFrames, _faults, _stats, _options.Clock) { State = state };
        _connections.Add(connection);
        _stats.CountConnection(endpoint);
        try
        {
            opened?.Invoke(connection);
            await connection.RunAsync(onMessage, ctx.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _connections.Remove(connection);
            lock (_venue.Gate) closed(connection);
            connection.Abort();
        }
    }

    private static string StripRoute(string path, out BinanceRoute route)
    {
        foreach (var (prefix, r) in new[] { ("/public", BinanceRoute.Public), ("/market", BinanceRoute.Market), ("/private", BinanceRoute.Private) })
        {
            if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                route = r;
                return path[prefix.Length..];
            }
        }
        route = BinanceRoute.Legacy;
        return path;
    }

    private static string RouteName(string path)
    {
        int second = path.IndexOf('/', 1);
        if (second < 0) return path;
        int third = path.IndexOf('/', second + 1);
        return third < 0 ? path : path[..third];
    }
}
