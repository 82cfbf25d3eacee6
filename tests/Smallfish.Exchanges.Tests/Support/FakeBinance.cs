using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>
/// A fake Binance USD-M venue on loopback: real paths, bare JSON answers and <c>{code,msg}</c> errors, signature over
/// the exact query (signature last) and timestamp-window checks (binance-usdm.md section 2) computed independently of
/// the client, a small order store, listen keys, injectable faults, and the routed WebSocket endpoints.
/// </summary>
internal sealed class FakeBinance : IAsyncDisposable
{
    public const string ApiKey = "binance-test-key";
    public const string Secret = "binance-test-secret-0123456789";

    private FakeServer? _server;
    private long _nextOrderId = 1000;
    private int _nextKey;

    public FakeServer Server => _server!;

    public WsHub PublicRoute { get; } = new();

    public WsHub MarketRoute { get; } = new();

    public WsHub PrivateRoute { get; } = new();

    public long SkewMs { get; set; }

    public TimeSpan CreateDelay { get; set; }

    /// <summary>Answer this many next requests to /fapi/v1/openOrders with 429 and Retry-After.</summary>
    public int TooManyRequestsNext { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Orders { get; } = new();

    /// <summary>Canned answers by "METHOD path" (fixture bodies), served without auth checks.</summary>
    public ConcurrentDictionary<string, string> Canned { get; } = new();

    /// <summary>Listen keys handed out, in order.</summary>
    public ConcurrentQueue<string> ListenKeys { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public static async Task<FakeBinance> StartAsync()
    {
        var fake = new FakeBinance();
        fake._server = await FakeServer.StartAsync(fake.Map);
        return fake;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    public long ServerNowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + SkewMs;

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            string path = ctx.Request.Path.Value ?? "";
            var hub = path == "/public/stream" ? PublicRoute
                : path == "/market/stream" ? MarketRoute
                : path.StartsWith("/private/ws/", StringComparison.Ordinal) ? PrivateRoute
                : null;
            if (hub is null) await next(ctx);
            else await hub.HandleAsync(ctx);
        });
        app.Run(HandleRestAsync);
    }

    private async Task HandleRestAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "";
        string method = ctx.Request.Method;
        string query = ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : "";
        string body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        long arrival = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (path == "/fapi/v1/time")
        {
            Record(method, path, query, body, arrival, false, false, 0);
            await Reply(ctx, 200, $"{{\"serverTime\":{ServerNowMs()}}}");
            return;
        }
        if (Canned.TryGetValue(method + " " + path, out var canned))
        {
            Record(method, path, query, body, arrival, query.Contains("signature=", StringComparison.Ordinal), true, 0);
            await Reply(ctx, 200, canned);
            return;
        }
        if (path == "/fapi/v1/listenKey")
        {
            bool keyOk = ctx.Request.Headers["X-MBX-APIKEY"] == ApiKey;
            Record(method, path, query, body, arrival, false, keyOk, keyOk ? 0 : -2015);
            if (!keyOk)
            {
                await Reply(ctx, 401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
                return;
            }
            if (method == "POST")
            {
                string key = "listen-key-" + Interlocked.Increment(ref _nextKey).ToString(CultureInfo.InvariantCulture);
                ListenKeys.Enqueue(key);
                await Reply(ctx, 200, $"{{\"listenKey\":\"{key}\"}}");
            }
            else
            {
                await Reply(ctx, 200, "{}");
            }
            return;
        }
        int auth = CheckAuth(ctx, query, body);
        Record(method, path, query, body, arrival, true, auth != -1022 && auth != -2015, auth);
        if (auth != 0)
        {
            string msg = auth == -1021 ? "Timestamp for this request is outside of the recvWindow." : "Signature for this request is not valid.";
            await Reply(ctx, auth == -2015 ? 401 : 400, $"{{\"code\":{auth},\"msg\":\"{msg}\"}}");
            return;
        }
        var p = QueryHelpers.ParseQuery(query);
        switch ((method, path))
        {
            case ("POST", "/fapi/v1/order"):
                await NewOrderAsync(ctx, p);
                return;
            case ("PUT", "/fapi/v1/order"):
            case ("DELETE", "/fapi/v1/order"):
            case ("GET", "/fapi/v1/order"):
                if (!Orders.TryGetValue(p["origClientOrderId"].ToString(), out var order))
                {
                    await Reply(ctx, 400, method == "GET" ? "{\"code\":-2013,\"msg\":\"Order does not exist.\"}" : "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");
                    return;
                }
                lock (order)
                {
                    if (method == "DELETE") order["status"] = "CANCELED";
                    if (method == "PUT")
                    {
                        order["price"] = p["price"].ToString();
                        order["origQty"] = p["quantity"].ToString();
                    }
                    order["updateTime"] = ServerNowMs();
                }
                await Reply(ctx, 200, order.ToJsonString());
                return;
            case ("GET", "/fapi/v1/openOrders"):
                if (TooManyRequestsNext > 0)
                {
                    TooManyRequestsNext--;
                    ctx.Response.Headers["Retry-After"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["X-MBX-USED-WEIGHT-1M"] = "2400";
                    await Reply(ctx, 429, "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 2400 requests per minute.\"}");
                    return;
                }
                var open = new JsonArray();
                foreach (var o in Orders.Values) lock (o) if ((string?)o["status"] == "NEW") open.Add(o.DeepClone());
                ctx.Response.Headers["X-MBX-USED-WEIGHT-1M"] = "1";
                await Reply(ctx, 200, open.ToJsonString());
                return;
            case ("GET", "/fapi/v1/openAlgoOrders"):
                ctx.Response.Headers["X-MBX-USED-WEIGHT-1M"] = "1";
                await Reply(ctx, 200, "[]"); // no conditional orders are stored here
                return;
            default:
                await Reply(ctx, 404, "{\"code\":-1000,\"msg\":\"not found\"}");
                return;
        }
    }

    private async Task NewOrderAsync(HttpContext ctx, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> p)
    {
        string id = p["newClientOrderId"].ToString();
        var order = new JsonObject
        {
            ["orderId"] = Interlocked.Increment(ref _nextOrderId),
            ["symbol"] = p["symbol"].ToString(),
            ["status"] = "NEW",
            ["clientOrderId"] = id,
            ["price"] = p.TryGetValue("price", out var price) ? price.ToString() : "0",
            ["avgPrice"] = "0.00",
            ["origQty"] = p["quantity"].ToString(),
            ["executedQty"] = "0",
            ["cumQuote"] = "0",
            ["timeInForce"] = p.TryGetValue("timeInForce", out var tif) ? tif.ToString() : "GTC",
            ["type"] = p["type"].ToString(),
            ["origType"] = p["type"].ToString(),
            ["reduceOnly"] = p.TryGetValue("reduceOnly", out var ro) && ro == "true",
            ["side"] = p["side"].ToString(),
            ["positionSide"] = "BOTH",
            ["stopPrice"] = "0",
            ["updateTime"] = ServerNowMs(),
        };
        if (!Orders.TryAdd(id, order))
        {
            await Reply(ctx, 400, "{\"code\":-4116,\"msg\":\"ClientOrderId is duplicated.\"}");
            return;
        }
        if (CreateDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(CreateDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await Reply(ctx, 200, order.ToJsonString());
    }

    /// <summary>Doc rule: totalParams = query + body; signature is the last parameter; timestamp window as for -1021.</summary>
    private int CheckAuth(HttpContext ctx, string query, string body)
    {
        if (ctx.Request.Headers["X-MBX-APIKEY"] != ApiKey) return -2015;
        int at = query.LastIndexOf("&signature=", StringComparison.Ordinal);
        if (at < 0) return -1022;
        string signed = query[..at];
        string signature = query[(at + "&signature=".Length)..];
        if (signature.Contains('&', StringComparison.Ordinal) || !string.Equals(signature, Hmac.Hex(Secret, signed + body), StringComparison.OrdinalIgnoreCase)) return -1022;
        var p = QueryHelpers.ParseQuery(signed);
        long ts = long.Parse(p["timestamp"].ToString(), CultureInfo.InvariantCulture);
        long window = p.TryGetValue("recvWindow", out var w) ? long.Parse(w.ToString(), CultureInfo.InvariantCulture) : 5000;
        long server = ServerNowMs();
        return ts < server + 1000 && server - ts <= window ? 0 : -1021;
    }

    private void Record(string method, string path, string query, string body, long arrival, bool signed, bool valid, int code) =>
        Requests.Enqueue(new RecordedRequest(method, path, query, body, arrival, signed, valid, code));

    private static Task Reply(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }
}
