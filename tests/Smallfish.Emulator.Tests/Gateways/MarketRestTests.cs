using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;

namespace Smallfish.Emulator.Tests.Gateways;

/// <summary>The real REST clients' market and account reads against the emulator, per exchange, and one venue behind both protocols.</summary>
public sealed class MarketRestTests
{
    [Test]
    public async Task MarketReads_InstrumentsBookTradesKlinesTickers_ReflectTheVenue([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        emulator.Market.OnTrade(new TradeEvent(0, 0, 0, 600_001, 10, Side.Buy));
        emulator.Market.OnTrade(new TradeEvent(0, 0, 0, 600_005, 20, Side.Buy));
        emulator.Market.OnTrade(new TradeEvent(0, 0, 0, 599_998, 30, Side.Sell));

        var instruments = (await clients.Rest.GetInstrumentsAsync()).Ok();
        var book = (await clients.Rest.GetOrderBookAsync("BTCUSDT", 5)).Ok();
        var trades = (await clients.Rest.GetRecentTradesAsync("BTCUSDT", 10)).Ok();
        var klines = (await clients.Rest.GetKlinesAsync("BTCUSDT", KlineInterval.OneMinute, 5)).Ok();
        var tickers = (await clients.Rest.GetTickersAsync("BTCUSDT")).Ok();

        var btc = instruments.Single(i => i.Spec.Symbol == "BTCUSDT").Spec;
        var venueTop = emulator.GetBook("BTCUSDT", 5);
        Assert.Multiple(() =>
        {
            Assert.That(instruments.Select(i => i.Spec.Symbol), Is.EquivalentTo(new[] { "BTCUSDT", "ETHUSDT" }));
            Assert.That((btc.TickSize, btc.QtyStep, btc.MinQty, btc.MinNotional), Is.EqualTo((0.1m, 0.001m, 0.001m, 5m)));
            Assert.That(Frames.Levels(book.Bids), Is.EqualTo(Frames.Levels(venueTop.Bids)));
            Assert.That(Frames.Levels(book.Asks), Is.EqualTo(Frames.Levels(venueTop.Asks)));
            // Equivalent, not equal: prints in the same millisecond may come back in any order (the client sorts by time only).
            Assert.That(trades.Select(t => (t.Price, t.Qty, t.TakerSide)), Is.EquivalentTo(new[] { (60_000.1m, 0.01m, Side.Buy), (60_000.5m, 0.02m, Side.Buy), (59_999.8m, 0.03m, Side.Sell) }));
            var last = klines.Last();
            Assert.That((last.Open, last.High, last.Low, last.Close, last.Volume), Is.EqualTo((60_000.1m, 60_000.5m, 59_999.8m, 59_999.8m, 0.06m)));
            Assert.That(tickers.Single().LastPrice, Is.EqualTo(59_999.8m));
        });
    }

    [Test]
    public async Task Executions_AfterFills_ListedWithFees([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf5-0-1-E0", Side.Sell, 1_200))).Success, Is.True);

        var fills = (await clients.Rest.GetExecutionsAsync("BTCUSDT")).Ok();

        Assert.That(fills.Select(f => (f.Price, f.Qty, f.IsMaker)).OrderByDescending(f => f.Price),
            Is.EqualTo(new[] { (60_000.0m, 1.0m, false), (59_999.9m, 0.2m, false) }), "1000 lots at the best bid, the rest one tick down");
        Assert.That(fills.All(f => f.Fee > 0 && f.Side == Side.Sell), Is.True);
    }

    [Test]
    public async Task OneVenue_OrderPlacedOverBybit_VisibleOverBinance()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var bybit = Venues.Clients(emulator, ExchangeKind.Bybit);
        await using var binance = Venues.Clients(emulator, ExchangeKind.Binance);

        Assert.That((await bybit.Rest.PlaceOrderAsync(Venues.Limit("sf5-0-2-E0", Side.Buy, 599_950, 10))).Success, Is.True);
        var seen = (await binance.Rest.GetOrderAsync("BTCUSDT", "sf5-0-2-E0")).Ok();
        var cancelled = await binance.Rest.CancelOrderAsync("BTCUSDT", "sf5-0-2-E0");

        Assert.That((seen.Price, seen.Qty, seen.Status), Is.EqualTo((59_995.0m, 0.01m, OrderStatus.New)));
        Assert.That(cancelled.Success, Is.True);
        Assert.That((await bybit.Rest.GetOpenOrdersAsync("BTCUSDT")).Ok(), Is.Empty);
    }

    [Test]
    public async Task CancelUnknownOrder_VenueCodesMapToOrderNotFound([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);

        var cancel = await clients.Rest.CancelOrderAsync("BTCUSDT", "no-such-order");
        var lookup = await clients.Rest.GetOrderAsync("BTCUSDT", "no-such-order");

        Assert.That((cancel.ErrorCode, cancel.RejectReason), Is.EqualTo((kind == ExchangeKind.Bybit ? 110001 : -2011, RejectReason.OrderNotFound)));
        Assert.That(lookup.RejectReason, Is.EqualTo(RejectReason.OrderNotFound));
    }

    [Test]
    public async Task DuplicateClientOrderId_SecondCreate_FoundAsTheFirstOrder([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        await using var clients = Venues.Clients(emulator, kind);

        var first = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf5-0-3-E0", Side.Buy, 599_950, 10));
        var second = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf5-0-3-E0", Side.Buy, 599_950, 10));

        Assert.That(first.Success && second.Success, Is.True, "the duplicate answer is resolved by looking the id up");
        Assert.That(emulator.OpenOrders("BTCUSDT"), Has.Count.EqualTo(1));
        Assert.That(emulator.OrderCreates("sf5-0-3-E0"), Is.EqualTo(2));
    }
}
