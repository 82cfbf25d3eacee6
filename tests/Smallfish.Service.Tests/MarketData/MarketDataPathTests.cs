using System.Text.Json;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.MarketData;

/// <summary>
/// Public market data end to end: Bybit's documented WebSocket frames from a loopback server, through the gateway's
/// stream client, the Wire parser and the engine loop's queue, into the engine.
/// </summary>
public sealed class MarketDataPathTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static string Fixture(string name)
    {
        string path = Path.Combine(TestPaths.SharedProtocols, "fixtures", "bybit", name);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("message").GetRawText();
    }

    [Test]
    public async Task PaperMode_BybitPublicFrames_ReachTheEngineAndTheFeedIsFresh()
    {
        string snapshot = Fixture("ws_orderbook50_snapshot.json");
        string trade = Fixture("ws_public_trade.json");
        await using FakeBybitPublic bybit = await FakeBybitPublic.StartAsync([snapshot, trade]);
        var overrides = new Dictionary<string, string?>
        {
            ["Exchange:Bybit:Mainnet:PublicWsUrl"] = bybit.Url,
            ["Exchange:Bybit:Mainnet:MarketWsUrl"] = bybit.Url,
            ["Service:FeedStaleMs"] = "1500",
        };
        using var notifier = new SystemdNotifier(null);
        await using var service = ServiceTestHost.Create(_dir, notifier, overrides);

        await service.Host.StartAsync();
        bool arrived = SpinWait.SpinUntil(() => service.Loop.Counters.MarketEvents >= 2, TimeSpan.FromSeconds(30));
        service.WaitForPing(1);
        service.Clock.Advance(TimeSpan.FromSeconds(2));
        bool stale = service.State.Heartbeat.FeedStale;
        await service.Host.StopAsync();

        Assert.That(arrived, Is.True, $"market events processed: {service.Loop.Counters.MarketEvents}");
        Assert.That(bybit.Topics, Does.Contain("orderbook.50.BTCUSDT").And.Contain("publicTrade.BTCUSDT").And.Contain("tickers.BTCUSDT"));
        Assert.That(service.Engine.BooksSeen, Is.EqualTo(1));
        Assert.That(service.Engine.TradesSeen, Is.GreaterThanOrEqualTo(1));
        Assert.That(stale, Is.False, "events arrived within the staleness limit");
        Assert.That(service.Loop.Counters.DroppedMarketEvents, Is.Zero);
    }
}
