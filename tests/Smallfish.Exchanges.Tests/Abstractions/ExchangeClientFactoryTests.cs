using Microsoft.Extensions.DependencyInjection;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Abstractions;

public sealed class ExchangeClientFactoryTests
{
    [TestCase("bybit", ExchangeKind.Bybit)]
    [TestCase(" Binance ", ExchangeKind.Binance)]
    [TestCase("BYBIT", ExchangeKind.Bybit)]
    public void ParseName_KnownNames_CaseInsensitive(string name, ExchangeKind expected) =>
        Assert.That(ExchangeClientFactory.ParseName(name), Is.EqualTo(expected));

    [Test]
    public void ParseName_Unknown_ThrowsNamingTheChoices() =>
        Assert.That(() => ExchangeClientFactory.ParseName("kraken"), Throws.ArgumentException.With.Message.Contains("'bybit' or 'binance'"));

    [Test]
    public async Task Create_ByName_WiresVenueClientsAgainstLoopback()
    {
        await using var fake = await FakeBybit.StartAsync();
        var factory = new ExchangeClientFactory();
        await using var bybit = factory.Create("bybit", ExchangeEndpoints.Loopback(ExchangeKind.Bybit, fake.Server.Port), new ApiCredentials("k", "s"), TestInstruments.Catalog());
        await using var binance = factory.Create("binance", ExchangeEndpoints.Loopback(ExchangeKind.Binance, 1), new ApiCredentials("k", "s"), TestInstruments.Catalog());

        Assert.That(bybit.Rest, Is.InstanceOf<BybitRestClient>());
        Assert.That(bybit.Streams, Is.InstanceOf<BybitStreamClient>());
        Assert.That(bybit.ListenKeys, Is.Null);
        Assert.That(binance.Rest, Is.InstanceOf<BinanceRestClient>());
        Assert.That(binance.Streams, Is.InstanceOf<BinanceStreamClient>());
        Assert.That(binance.ListenKeys, Is.SameAs(binance.Rest));
        var time = await bybit.Rest.SyncServerTimeAsync();
        Assert.That(time.Success, Is.True, time.ToString());
    }

    [Test]
    public async Task Create_FromConfiguration_UsesActiveEndpointsRecvWindowAndSecrets()
    {
        await using var fake = await FakeBinance.StartAsync();
        string http = fake.Server.BaseUri.ToString().TrimEnd('/');
        string ws = http.Replace("http://", "ws://", StringComparison.Ordinal);
        var options = new Core.Configuration.ExchangeOptions { Name = Core.Configuration.ExchangeName.Binance, Testnet = true, RecvWindowMs = 3000 };
        options.Binance.Testnet = new Core.Configuration.EndpointOptions { RestBaseUrl = http, PublicWsUrl = ws + "/public", MarketWsUrl = ws + "/market", PrivateWsUrl = ws + "/private" };
        var secrets = new Core.Configuration.SecretsOptions { ApiKey = FakeBinance.ApiKey, ApiSecret = FakeBinance.Secret };

        await using var clients = new ExchangeClientFactory().Create(options, secrets, TestInstruments.Catalog());
        var open = await clients.Rest.GetOpenOrdersAsync("BTCUSDT");

        Assert.That(clients.Exchange, Is.EqualTo(ExchangeKind.Binance));
        Assert.That(open.Success, Is.True, open.ToString());
        var signed = fake.Requests.Single(r => r.Path == "/fapi/v1/openOrders");
        Assert.That(signed.SignatureValid, Is.True);
        Assert.That(signed.Query, Does.Contain("recvWindow=3000&timestamp="));
    }

    [Test]
    public void AddExchangeClientFactory_Registered_ResolvesFactory()
    {
        using var provider = new ServiceCollection().AddExchangeClientFactory().BuildServiceProvider();
        Assert.That(provider.GetRequiredService<IExchangeClientFactory>(), Is.InstanceOf<ExchangeClientFactory>());
    }
}
