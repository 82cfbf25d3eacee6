using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Abstractions;

/// <summary>Secrets, signatures, listen keys and query strings never reach logs, ToString or error messages.</summary>
public sealed class SecretRedactionTests
{
    [Test]
    public void ToString_CredentialsAndSigners_NeverShowSecret()
    {
        var credentials = new ApiCredentials("abcdef-key", "super-secret-value");
        foreach (string text in new[] { credentials.ToString(), new BybitSigner(credentials).ToString(), new BinanceSigner(credentials).ToString() })
        {
            Assert.That(text, Does.Not.Contain("super-secret-value"));
            Assert.That(text, Does.Not.Contain("abcdef-key"));
        }
        Assert.That(credentials.RedactedKey, Is.EqualTo("abcd****"));
    }

    [Test]
    public void SafeUrl_QueryAndListenKey_Removed()
    {
        Assert.That(LogRedaction.SafeUrl(new Uri("https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&timestamp=1&signature=abc")), Is.EqualTo("https://fapi.binance.com/fapi/v1/order"));
        Assert.That(LogRedaction.SafeUrl(new Uri("wss://fstream.binance.com/private/ws/pqia91ma19a5")), Is.EqualTo("wss://fstream.binance.com/private/ws/***"));
        Assert.That(LogRedaction.SafePath("/v5/order/realtime?category=linear"), Is.EqualTo("/v5/order/realtime"));
    }

    [Test]
    public async Task Logs_SignedFailuresRetriesAndStreams_ContainNoSecretSignatureOrKey()
    {
        await using var fake = await FakeBinance.StartAsync();
        fake.TooManyRequestsNext = 1;
        fake.RetryAfterSeconds = 0;
        var log = new CapturingLogger();
        using var http = new HttpClient();
        var options = Clients.FastRest();
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var client = Clients.Binance(http, fake, TestInstruments.Catalog(), options, log);
        var wrongSecret = new BinanceRestClient(http, ExchangeEndpoints.Loopback(ExchangeKind.Binance, fake.Server.Port), new ApiCredentials(FakeBinance.ApiKey, "wrong-secret-0123456789"),
            TestInstruments.Catalog(), Clients.FastRest(), TimeProvider.System, log);

        await client.GetOpenOrdersAsync("BTCUSDT"); // 429 then retry
        var bad = await wrongSecret.GetOpenOrdersAsync("BTCUSDT"); // -1022
        fake.CreateDelay = TimeSpan.FromSeconds(2);
        await client.PlaceOrderAsync(new OrderRequest("sf1-0-1-E0", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 100_000, 1, 0, false, OrderRole.Entry)); // timeout + lookup
        await using (var streams = new BinanceStreamClient(ExchangeEndpoints.Loopback(ExchangeKind.Binance, fake.Server.Port), client, client, TestInstruments.Catalog(),
            new StreamClientOptions(), TimeProvider.System, log))
        {
            await streams.StartPrivateAsync();
            await fake.PrivateRoute.NextAsync();
        }

        Assert.That(bad.RejectReason, Is.EqualTo(RejectReason.AuthFailed));
        Assert.That(log.Lines, Is.Not.Empty);
        string all = string.Join("\n", log.Lines) + "\n" + bad;
        Assert.That(all, Does.Not.Contain(FakeBinance.Secret));
        Assert.That(all, Does.Not.Contain("wrong-secret-0123456789"));
        Assert.That(all, Does.Not.Contain("signature="));
        Assert.That(all, Does.Not.Contain("timestamp="));
        Assert.That(all, Does.Not.Contain(FakeBinance.ApiKey));
        Assert.That(all, Does.Not.Contain("listen-key-1"));
        foreach (var request in fake.Requests.Where(r => r.Signed))
        {
            string signature = request.Query[(request.Query.LastIndexOf("signature=", StringComparison.Ordinal) + 10)..];
            Assert.That(all, Does.Not.Contain(signature));
        }
    }
}
