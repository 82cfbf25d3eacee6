using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Authentication;

namespace Smallfish.Emulator.Tests.Emulator;

/// <summary>The emulator's REST checks with hand-built requests: signatures, keys, timestamp windows, listen keys (binance-usdm.md 2, 8; bybit-v5.md 2, 3).</summary>
public sealed class RestProtocolTests
{
    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return ((int)response.StatusCode, doc.RootElement.Clone());
    }

    private static HttpRequestMessage BybitGet(VenueEmulator emulator, string key, string secret, long timestampMs, string query = "category=linear&symbol=BTCUSDT")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "/v5/order/realtime?" + query));
        new BybitSigner(new ApiCredentials(key, secret)).ApplyHeaders(request, timestampMs, 5000, query);
        return request;
    }

    private static HttpRequestMessage BinanceGet(VenueEmulator emulator, string key, string secret, long timestampMs, string path = "/fapi/v1/openOrders")
    {
        string query = new BinanceSigner(new ApiCredentials(key, secret)).AppendSignature("symbol=BTCUSDT&recvWindow=5000&timestamp=" + timestampMs.ToString(CultureInfo.InvariantCulture));
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, path + "?" + query));
        request.Headers.TryAddWithoutValidation(BinanceSigner.ApiKeyHeader, key);
        return request;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Test]
    public async Task Bybit_SignedGet_ChecksKeySignatureAndWindow()
    {
        await using var emulator = await Venues.StartAsync();
        using var http = new HttpClient();
        var o = emulator.Options;

        var ok = await SendAsync(http, BybitGet(emulator, o.ApiKey, o.ApiSecret, Now()));
        var badKey = await SendAsync(http, BybitGet(emulator, "other-key", o.ApiSecret, Now()));
        var badSign = await SendAsync(http, BybitGet(emulator, o.ApiKey, "wrong-secret", Now()));
        var stale = await SendAsync(http, BybitGet(emulator, o.ApiKey, o.ApiSecret, Now() - 10_000));
        var ahead = await SendAsync(http, BybitGet(emulator, o.ApiKey, o.ApiSecret, Now() + 2_000));

        Assert.Multiple(() =>
        {
            Assert.That((ok.Status, ok.Body.GetProperty("retCode").GetInt32()), Is.EqualTo((200, 0)));
            Assert.That(badKey.Body.GetProperty("retCode").GetInt32(), Is.EqualTo(10003));
            Assert.That(badSign.Body.GetProperty("retCode").GetInt32(), Is.EqualTo(10004));
            Assert.That(stale.Body.GetProperty("retCode").GetInt32(), Is.EqualTo(10002));
            Assert.That(stale.Body.GetProperty("retMsg").GetString(), Does.Match(@"req_timestamp\[\d+\],server_timestamp\[\d+\],recv_window\[5000\]"));
            Assert.That(ahead.Body.GetProperty("retCode").GetInt32(), Is.EqualTo(10002), "a clock 1 s ahead fails whatever the window");
        });
    }

    [Test]
    public async Task Bybit_PostBody_SignatureCoversExactBytes()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        using var http = new HttpClient();
        var signer = new BybitSigner(emulator.Credentials);
        string body = "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"qty\":\"0.010\",\"price\":\"59999.0\",\"timeInForce\":\"PostOnly\",\"orderLinkId\":\"raw-1\"}";
        long ts = Now();

        async Task<int> Post(string sent, string signed)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, "/v5/order/create")) { Content = new StringContent(sent, Encoding.UTF8, "application/json") };
            signer.ApplyHeaders(request, ts, 5000, signed);
            return (await SendAsync(http, request)).Body.GetProperty("retCode").GetInt32();
        }

        Assert.That(await Post(body.Replace(",", ", ", StringComparison.Ordinal), body), Is.EqualTo(10004), "whitespace changes the signed bytes");
        Assert.That(await Post(body, body), Is.Zero);
        Assert.That(emulator.GetOrder("raw-1")!.PriceTicks, Is.EqualTo(599_990));
    }

    [Test]
    public async Task Binance_SignedGet_ChecksKeySignatureAndWindow()
    {
        await using var emulator = await Venues.StartAsync();
        using var http = new HttpClient();
        var o = emulator.Options;

        var ok = await SendAsync(http, BinanceGet(emulator, o.ApiKey, o.ApiSecret, Now()));
        var badKey = await SendAsync(http, BinanceGet(emulator, "other-key", o.ApiSecret, Now()));
        var badSign = await SendAsync(http, BinanceGet(emulator, o.ApiKey, "wrong-secret", Now()));
        var stale = await SendAsync(http, BinanceGet(emulator, o.ApiKey, o.ApiSecret, Now() - 10_000));
        var ahead = await SendAsync(http, BinanceGet(emulator, o.ApiKey, o.ApiSecret, Now() + 2_000));

        Assert.Multiple(() =>
        {
            Assert.That((ok.Status, ok.Body.ValueKind), Is.EqualTo((200, JsonValueKind.Array)));
            Assert.That((badKey.Status, badKey.Body.GetProperty("code").GetInt32()), Is.EqualTo((401, -2015)));
            Assert.That((badSign.Status, badSign.Body.GetProperty("code").GetInt32()), Is.EqualTo((400, -1022)));
            Assert.That((stale.Status, stale.Body.GetProperty("code").GetInt32()), Is.EqualTo((400, -1021)));
            Assert.That(ahead.Body.GetProperty("msg").GetString(), Does.Contain("ahead"));
        });
    }

    [Test]
    public void TrySplitSignature_QueryBodyAndPlacement_FollowsTotalParamsRule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Binance.BinanceRestSurface.TrySplitSignature("a=1&timestamp=5&signature=ab", "", out string s1, out string g1), Is.True);
            Assert.That((s1, g1), Is.EqualTo(("a=1&timestamp=5", "ab")));
            Assert.That(Binance.BinanceRestSurface.TrySplitSignature("a=1", "b=2&signature=cd", out string s2, out string g2), Is.True);
            Assert.That((s2, g2), Is.EqualTo(("a=1b=2", "cd")), "query and body concatenated without '&'");
            Assert.That(Binance.BinanceRestSurface.TrySplitSignature("signature=ab&a=1", "", out _, out _), Is.False, "the signature must be last");
            Assert.That(Binance.BinanceRestSurface.TrySplitSignature("a=1", "", out _, out _), Is.False);
        });
    }

    [Test]
    public async Task Binance_ListenKeyLifecycle_SameKeyKeepAliveDeleteThenMinus1125()
    {
        await using var emulator = await Venues.StartAsync();
        using var http = new HttpClient();
        HttpRequestMessage Call(HttpMethod method)
        {
            var r = new HttpRequestMessage(method, new Uri(emulator.BaseUri, "/fapi/v1/listenKey"));
            r.Headers.TryAddWithoutValidation(BinanceSigner.ApiKeyHeader, emulator.Options.ApiKey);
            return r;
        }

        string first = (await SendAsync(http, Call(HttpMethod.Post))).Body.GetProperty("listenKey").GetString()!;
        string second = (await SendAsync(http, Call(HttpMethod.Post))).Body.GetProperty("listenKey").GetString()!;
        var alive = await SendAsync(http, Call(HttpMethod.Put));
        var deleted = await SendAsync(http, Call(HttpMethod.Delete));
        var gone = await SendAsync(http, Call(HttpMethod.Put));
        string third = (await SendAsync(http, Call(HttpMethod.Post))).Body.GetProperty("listenKey").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "POST returns the active key");
            Assert.That(alive.Status, Is.EqualTo(200));
            Assert.That(deleted.Status, Is.EqualTo(200));
            Assert.That((gone.Status, gone.Body.GetProperty("code").GetInt32()), Is.EqualTo((400, -1125)));
            Assert.That(third, Is.Not.EqualTo(first));
            Assert.That(emulator.ListenKeysCreated, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task UnknownRoute_Answers404()
    {
        await using var emulator = await Venues.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(emulator.BaseUri, "/v5/nothing/here"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void StartAsync_NonLoopbackHostWithoutConsent_RefusedListingEveryProblem()
    {
        var options = new VenueEmulatorOptions { Host = "0.0.0.0", DefaultLeverage = 0 };
        var ex = Assert.ThrowsAsync<ArgumentException>(() => VenueEmulator.StartAsync(options));
        Assert.That(ex!.Message, Does.Contain("Host: 0.0.0.0 is not loopback").And.Contain("Instruments").And.Contain("DefaultLeverage"));
    }
}
