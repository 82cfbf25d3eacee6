using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>
/// A fake Bybit v5 venue on loopback: real paths and envelopes, X-BAPI-* signature and timestamp-window checks
/// (bybit-v5.md section 2) computed independently of the client, a small order store, injectable faults, and
/// WebSocket endpoints for the public and private streams.
/// </summary>
internal sealed class FakeBybit : IAsyncDisposable
{
    public const string ApiKey = "bybit-test-key";
    public const string Secret = "bybit-test-secret-0123456789";

    private FakeServer? _server;

    public FakeServer Server => _server!;

    public WsHub Public { get; } = new() { AutoReply = Pong };

    public WsHub Private { get; } = new() { AutoReply = Pong };

    /// <summary>Server clock minus real clock, ms.</summary>
    public long SkewMs { get; set; }

    public TimeSpan CreateDelay { get; set; }

    /// <summary>Answer this many next creates with HTTP 503 and do not store them (never reached the matching engine).</summary>
    public int FailNextCreatesWith503 { get; set; }

    /// <summary>Answer this many next signed GETs with 10006 and rate-limit headers.</summary>
    public int RateLimitNextReads { get; set; }

    public long RateLimitResetAfterMs { get; set; } = 300;

    /// <summary>Answer this many next creates with 10006 and rate-limit headers (reset after <see cref="RateLimitResetAfterMs"/>), not stored.</summary>
    public int RateLimitNextCreates { get; set; }

    public bool AlwaysRejectTimestamp { get; set; }

    /// <summary>Answer every request with HTTP 503 (circuit breaker tests).</summary>
    public bool AllDown { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Orders { get; } = new();

    /// <summary>Canned GET answers by path (fixture bodies).</summary>
    public ConcurrentDictionary<string, string> Canned { get; } = new();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public static async Task<FakeBybit> StartAsync()
    {
        var fake = new FakeBybit();
        fake._server = await FakeServer.StartAsync(fake.Map);
        return fake;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    public long ServerNowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + SkewMs;

    /// <summary>Waits for the private connection, checks its auth message signature and answers success.</summary>
    public async Task<WsSession> AcceptPrivateAsync()
    {
        var session = await Private.NextAsync();
        string auth = await session.ReceiveAsync();
        using var doc = JsonDocument.Parse(auth);
        var args = doc.RootElement.GetProperty("args");
        string key = args[0].GetString()!;
        long expires = args[1].GetInt64();
        string sig = args[2].GetString()!;
        bool ok = doc.RootElement.GetProperty("op").GetString() == "auth" && key == ApiKey
            && sig == Hmac.Hex(Secret, "GET/realtime" + expires.ToString(CultureInfo.InvariantCulture)) && expires > ServerNowMs();
        await session.SendAsync(ok
            ? "{\"success\":true,\"ret_msg\":\"\",\"op\":\"auth\",\"conn_id\":\"c1\"}"
            : "{\"success\":false,\"ret_msg\":\"Params Error\",\"op\":\"auth\",\"conn_id\":\"c1\"}");
        if (!ok) throw new InvalidOperationException("bad auth: " + auth);
        return session;
    }

    private static string? Pong(string message) =>
        message.Contains("\"op\":\"ping\"", StringComparison.Ordinal) ? "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"c\",\"req_id\":\"\",\"op\":\"ping\"}" : null;

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var hub = ctx.Request.Path.Value switch
            {
                "/v5/public/linear" => Public,
                "/v5/private" => Private,
                _ => null,
            };
            if (hub is null) await next(ctx);
            else await hub.HandleAsync(ctx);
        });
        app.Run(HandleRestAsync);
    }

    private async Task HandleRestAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "";
        string query = ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : "";
        string body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        long arrival = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        bool signed = ctx.Request.Headers.ContainsKey("X-BAPI-SIGN");
        if (AllDown)
        {
            Record(ctx, path, query, body, arrival, signed, false, 503);
            ctx.Response.StatusCode = 503;
            await ctx.Response.WriteAsync("<html>down</html>");
            return;
        }
        if (path == "/v5/market/time")
        {
            Record(ctx, path, query, body, arrival, false, false, 0);
            long now = ServerNowMs();
            await Json(ctx, 0, "OK", $"{{\"timeSecond\":\"{now / 1000}\",\"timeNano\":\"{now * 1_000_000}\"}}");
            return;
        }
        if (Canned.TryGetValue(path, out var canned))
        {
            Record(ctx, path, query, body, arrival, signed, signed, 0);
            ctx.Response.ContentType = "application/json";
            // A follow-up page request (cursor given) gets an empty last page.
            await ctx.Response.WriteAsync(query.Contains("cursor=", StringComparison.Ordinal)
                ? $"{{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{{\"list\":[],\"nextPageCursor\":\"\"}},\"retExtInfo\":{{}},\"time\":{ServerNowMs()}}}"
                : canned);
            return;
        }
        string authMsg = "";
        int auth = signed ? CheckAuth(ctx, ctx.Request.Method == "GET" ? query : body, out authMsg) : 10003;
        if (auth != 0)
        {
            Record(ctx, path, query, body, arrival, signed, auth != 10004 && auth != 10003, auth);
            await Json(ctx, auth, auth == 10002 ? authMsg : "auth failed", "{}");
            return;
        }
        await Route(ctx, path, query, body, arrival);
    }

    private async Task Route(HttpContext ctx, string path, string query, string body, long arrival)
    {
        switch (path)
        {
            case "/v5/order/create":
                await CreateAsync(ctx, body, arrival);
                return;
            case "/v5/order/amend":
            case "/v5/order/cancel":
                Record(ctx, path, "", body, arrival, true, true, 0);
                using (var doc = JsonDocument.Parse(body))
                {
                    string link = doc.RootElement.GetProperty("orderLinkId").GetString()!;
                    if (!Orders.TryGetValue(link, out var order))
                    {
                        await Json(ctx, 110001, "order not exists or too late to cancel", "{}");
                        return;
                    }
                    lock (order)
                    {
                        if (path.EndsWith("cancel", StringComparison.Ordinal)) order["orderStatus"] = "Cancelled";
                        if (doc.RootElement.TryGetProperty("price", out var p)) order["price"] = p.GetString();
                        if (doc.RootElement.TryGetProperty("qty", out var q)) order["qty"] = q.GetString();
                    }
                    await Json(ctx, 0, "OK", $"{{\"orderId\":\"{order["orderId"]}\",\"orderLinkId\":\"{link}\"}}");
                }
                return;
            case "/v5/order/realtime":
            case "/v5/order/history":
                if (RateLimitNextReads > 0)
                {
                    RateLimitNextReads--;
                    Record(ctx, path, query, body, arrival, true, true, 10006);
                    ctx.Response.Headers["X-Bapi-Limit"] = "50";
                    ctx.Response.Headers["X-Bapi-Limit-Status"] = "0";
                    ctx.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = (ServerNowMs() + RateLimitResetAfterMs).ToString(CultureInfo.InvariantCulture);
                    await Json(ctx, 10006, "Too many visits!", "{}");
                    return;
                }
                Record(ctx, path, query, body, arrival, true, true, 0);
                var q2 = System.Web.HttpUtility.ParseQueryString(query);
                bool open = path.EndsWith("realtime", StringComparison.Ordinal);
                var list = new JsonArray();
                foreach (var o in Orders.Values)
                {
                    lock (o)
                    {
                        bool isOpen = (string?)o["orderStatus"] is "New" or "PartiallyFilled";
                        if (isOpen != open) continue;
                        if (q2["orderLinkId"] is { } id && (string?)o["orderLinkId"] != id) continue;
                        list.Add(o.DeepClone());
                    }
                }
                await Json(ctx, 0, "OK", new JsonObject { ["list"] = list, ["nextPageCursor"] = "", ["category"] = "linear" }.ToJsonString());
                return;
            default:
                Record(ctx, path, query, body, arrival, true, true, 10017);
                await Json(ctx, 10017, "route not found", "{}");
                return;
        }
    }

    private async Task CreateAsync(HttpContext ctx, string body, long arrival)
    {
        if (FailNextCreatesWith503 > 0)
        {
            FailNextCreatesWith503--;
            Record(ctx, "/v5/order/create", "", body, arrival, true, true, 503);
            ctx.Response.StatusCode = 503;
            return;
        }
        if (RateLimitNextCreates > 0)
        {
            RateLimitNextCreates--;
            Record(ctx, "/v5/order/create", "", body, arrival, true, true, 10006);
            ctx.Response.Headers["X-Bapi-Limit"] = "10";
            ctx.Response.Headers["X-Bapi-Limit-Status"] = "0";
            ctx.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = (ServerNowMs() + RateLimitResetAfterMs).ToString(CultureInfo.InvariantCulture);
            await Json(ctx, 10006, "Too many visits!", "{}");
            return;
        }
        using var doc = JsonDocument.Parse(body);
        var r = doc.RootElement;
        string link = r.GetProperty("orderLinkId").GetString()!;
        var order = new JsonObject
        {
            ["orderId"] = Guid.NewGuid().ToString(),
            ["orderLinkId"] = link,
            ["symbol"] = r.GetProperty("symbol").GetString(),
            ["side"] = r.GetProperty("side").GetString(),
            ["orderType"] = r.GetProperty("orderType").GetString(),
            ["price"] = r.TryGetProperty("price", out var p) ? p.GetString() : "0",
            ["qty"] = r.GetProperty("qty").GetString(),
            ["timeInForce"] = r.TryGetProperty("timeInForce", out var t) ? t.GetString() : "GTC",
            ["orderStatus"] = "New",
            ["rejectReason"] = "EC_NoError",
            ["cancelType"] = "UNKNOWN",
            ["avgPrice"] = "0",
            ["cumExecQty"] = "0",
            ["stopOrderType"] = "",
            ["triggerPrice"] = "0",
            ["reduceOnly"] = r.TryGetProperty("reduceOnly", out var ro) && ro.GetBoolean(),
            ["createdTime"] = ServerNowMs().ToString(CultureInfo.InvariantCulture),
            ["updatedTime"] = ServerNowMs().ToString(CultureInfo.InvariantCulture),
        };
        if (!Orders.TryAdd(link, order))
        {
            Record(ctx, "/v5/order/create", "", body, arrival, true, true, 110072);
            await Json(ctx, 110072, "OrderLinkedID is duplicate", "{}");
            return;
        }
        Record(ctx, "/v5/order/create", "", body, arrival, true, true, 0);
        if (CreateDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(CreateDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up; the order stays on the book
            }
        }
        await Json(ctx, 0, "OK", $"{{\"orderId\":\"{order["orderId"]}\",\"orderLinkId\":\"{link}\"}}");
    }

    private int CheckAuth(HttpContext ctx, string payload, out string message)
    {
        message = "";
        var h = ctx.Request.Headers;
        string key = h["X-BAPI-API-KEY"].ToString(), ts = h["X-BAPI-TIMESTAMP"].ToString(), recv = h["X-BAPI-RECV-WINDOW"].ToString(), sign = h["X-BAPI-SIGN"].ToString();
        if (key != ApiKey) return 10003;
        if (sign != Hmac.Hex(Secret, ts + key + recv + payload)) return 10004;
        long t = long.Parse(ts, CultureInfo.InvariantCulture), window = long.Parse(recv, CultureInfo.InvariantCulture), server = ServerNowMs();
        if (AlwaysRejectTimestamp || !(server - window <= t && t < server + 1000))
        {
            message = $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{t}],server_timestamp[{server}],recv_window[{window}]";
            return 10002;
        }
        return 0;
    }

    private void Record(HttpContext ctx, string path, string query, string body, long arrival, bool signed, bool valid, int code) =>
        Requests.Enqueue(new RecordedRequest(ctx.Request.Method, path, query, body, arrival, signed, valid, code));

    private Task Json(HttpContext ctx, int code, string msg, string result)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync($"{{\"retCode\":{code},\"retMsg\":\"{msg}\",\"result\":{result},\"retExtInfo\":{{}},\"time\":{ServerNowMs()}}}");
    }
}
