using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Exchanges.Tests.Streams;

public sealed class PlannerAndBackoffTests
{
    [Test]
    public void ByCharacters_BybitArgsLimit_NoGroupExceeds21000Characters()
    {
        var topics = Enumerable.Range(0, 2000).Select(i => $"orderbook.50.SYM{i:D5}USDT").ToList();
        var groups = SubscriptionPlanner.ByCharacters(topics, 21_000);
        Assert.That(groups.SelectMany(g => g), Is.EqualTo(topics), "nothing lost, order kept");
        foreach (var g in groups) Assert.That(System.Text.Json.JsonSerializer.Serialize(g).Length, Is.LessThanOrEqualTo(21_000));
        Assert.That(groups, Has.Count.GreaterThan(1));
    }

    [Test]
    public void ByCount_BinanceStreamsPerConnection_SplitsAt200()
    {
        var streams = Enumerable.Range(0, 450).Select(i => $"s{i}usdt@depth@100ms").ToList();
        var groups = SubscriptionPlanner.ByCount(streams, 200);
        Assert.That(groups.Select(g => g.Count), Is.EqualTo(new[] { 200, 200, 50 }));
    }

    [TestCase(0, 0.0, 50)]
    [TestCase(0, 1.0, 100)]
    [TestCase(3, 0.5, 600)]
    [TestCase(20, 1.0, 30_000)]
    public void Next_Attempt_ExponentialCappedWithEqualJitter(int attempt, double random, double expectedMs) =>
        Assert.That(ReconnectBackoff.Next(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), random).TotalMilliseconds, Is.EqualTo(expectedMs).Within(0.001));

    [Test]
    public void Topic_Subscriptions_MapToVenueNames()
    {
        Assert.That(BybitTopics.Topic(new MarketSubscription("BTCUSDT", MarketChannel.OrderBook, 50)), Is.EqualTo("orderbook.50.BTCUSDT"));
        Assert.That(BybitTopics.Topic(new MarketSubscription("BTCUSDT", MarketChannel.OrderBook, 500)), Is.EqualTo("orderbook.1000.BTCUSDT"), "500 was removed; rounds up");
        Assert.That(BybitTopics.Topic(new MarketSubscription("BTCUSDT", MarketChannel.Trades)), Is.EqualTo("publicTrade.BTCUSDT"));
        Assert.That(BinanceStreams.Name(new MarketSubscription("BTCUSDT", MarketChannel.OrderBook)), Is.EqualTo("btcusdt@depth@100ms"));
        Assert.That(BinanceStreams.Name(new MarketSubscription("BTCUSDT", MarketChannel.Trades)), Is.EqualTo("btcusdt@aggTrade"));
        Assert.That(BinanceStreams.IsPublicRoute(MarketChannel.BestBidOffer), Is.True);
        Assert.That(BinanceStreams.IsPublicRoute(MarketChannel.Ticker), Is.False);
    }
}
