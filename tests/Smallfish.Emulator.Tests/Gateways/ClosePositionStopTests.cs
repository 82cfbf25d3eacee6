using Smallfish.Core.Domain;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Gateways;

/// <summary>
/// The close-position protective stop through the real REST clients and private streams over loopback: Bybit
/// <c>qty "0"</c> + <c>reduceOnly</c> + <c>closeOnTrigger</c>, Binance algo <c>closePosition=true</c>. The venue keeps it
/// at the position's size as the position grows, and it closes exactly the position when it triggers.
/// </summary>
public sealed class ClosePositionStopTests
{
    private const string Stop = "sf1-0-9-S0";

    [Test]
    public async Task ClosePositionStop_PositionGrowsAfterPlacement_FollowsWithoutAmendAndClosesAllOfIt([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-9-E0", Side.Buy, 3))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf1-0-9-E0", OrderStatus.Filled), "first entry filled");

        var stop = new OrderRequest(Stop, "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 3, 599_990, true, OrderRole.StopLoss, ClosePosition: true);
        var placed = await clients.Rest.PlaceOrderAsync(stop);
        Assert.That(placed.Success, Is.True, placed.ToString());
        await Eventually.UntilAsync(() => events.Has(Stop, OrderStatus.New), "the stop acknowledged on the private stream");

        // Two more entry fills after the stop was placed: nobody amends the stop.
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-9-E1", Side.Buy, 2))).Success, Is.True);
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-9-E2", Side.Buy, 5))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf1-0-9-E2", OrderStatus.Filled), "later entries filled");
        Assert.That(emulator.GetPosition("BTCUSDT").NetLots, Is.EqualTo(10));

        var info = emulator.OpenOrders("BTCUSDT").Single(o => o.ClientOrderId == Stop);
        var readBack = (await clients.Rest.GetOrderAsync("BTCUSDT", Stop)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That((info.ClosePosition, info.Type, info.Side), Is.EqualTo((true, OrderType.StopMarket, Side.Sell)));
            if (kind == ExchangeKind.Bybit) Assert.That(info.QtyLots, Is.EqualTo(10), "Bybit keeps it at the position's size");
            Assert.That((readBack.ClosePosition, readBack.ReduceOnly, readBack.Qty), Is.EqualTo((true, true, 0m)), "read back as closing the position");
        });

        if (kind == ExchangeKind.Bybit)
        {
            // A price amend of its trigger (trailing) is what Bybit takes; its size stays the position's.
            var moved = await clients.Rest.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", Stop, Side.Sell, 599_995, 0, Conditional: true));
            Assert.That(moved.Success, Is.True, moved.ToString());
            Assert.That(emulator.OpenOrders("BTCUSDT").Single(o => o.ClientOrderId == Stop).TriggerTicks, Is.EqualTo(599_995));
        }
        else
        {
            var refused = await clients.Rest.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", Stop, Side.Sell, 599_995, 0, Conditional: true));
            Assert.That(refused.Success, Is.False, "an untriggered algo order cannot be modified");
        }

        long trigger = kind == ExchangeKind.Bybit ? 599_995 : 599_990;
        emulator.Market.OnTrade(new Core.MarketData.TradeEvent(0, 0, 0, trigger, 5, Side.Sell));
        await Eventually.UntilAsync(() => events.Fills.Where(f => f.Side == Side.Sell).Sum(f => f.QtyLots) >= 10, "the stop's fills");
        Assert.Multiple(() =>
        {
            Assert.That(events.Fills.Where(f => f.Side == Side.Sell).Sum(f => f.QtyLots), Is.EqualTo(10), "exactly the position");
            Assert.That(emulator.GetPosition("BTCUSDT").NetLots, Is.Zero);
        });
    }

    [Test]
    public async Task CancelOrder_BinanceClosePositionStop_CancelledOnTheAlgoService()
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, ExchangeKind.Binance);
        await using var _ = clients;
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-8-E0", Side.Buy, 4))).Success, Is.True);
        var stop = new OrderRequest("sf1-0-8-S0", "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 4, 599_990, true, OrderRole.StopLoss, ClosePosition: true);
        Assert.That((await clients.Rest.PlaceOrderAsync(stop)).Success, Is.True);

        var cancelled = await clients.Rest.CancelOrderAsync("BTCUSDT", "sf1-0-8-S0");
        Assert.That(cancelled.Success, Is.True, cancelled.ToString());
        await Eventually.UntilAsync(() => events.Has("sf1-0-8-S0", OrderStatus.Cancelled), "Cancelled on the private stream");
        Assert.That(emulator.OpenOrders("BTCUSDT"), Is.Empty);
    }
}
