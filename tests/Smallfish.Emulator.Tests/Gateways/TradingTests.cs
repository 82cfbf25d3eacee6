using Smallfish.Core.Domain;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Gateways;

/// <summary>
/// Orders through the real REST clients, state through the real private streams, positions and wallet read back,
/// against the emulator's shared venue (20-level book: best bid 600000 ticks, best ask 600001; level i holds 1000 + i lots).
/// </summary>
public sealed class TradingTests
{
    [Test]
    public async Task PlaceAmendCancel_PostOnlyLimit_PrivateStreamReportsEachStep([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Limit("sf1-0-1-E0", Side.Buy, 599_990, 10));
        Assert.That(placed.Success, Is.True, placed.ToString());
        await Eventually.UntilAsync(() => events.Has("sf1-0-1-E0", OrderStatus.New), "New on the private stream");

        var amended = await clients.Rest.AmendOrderAsync(new AmendOrderRequest("BTCUSDT", "sf1-0-1-E0", Side.Buy, 599_995, 20));
        Assert.That(amended.Success, Is.True, amended.ToString());
        await Eventually.UntilAsync(() => events.Of("sf1-0-1-E0").Count() >= 2, "the amendment on the private stream");
        var afterAmend = (await clients.Rest.GetOrderAsync("BTCUSDT", "sf1-0-1-E0")).Ok();
        Assert.That((afterAmend.Price, afterAmend.Qty, afterAmend.Status), Is.EqualTo((59_999.5m, 0.02m, OrderStatus.New)));

        var open = (await clients.Rest.GetOpenOrdersAsync("BTCUSDT")).Ok();
        Assert.That(open.Select(o => o.ClientOrderId), Is.EqualTo(new[] { "sf1-0-1-E0" }));

        var cancelled = await clients.Rest.CancelOrderAsync("BTCUSDT", "sf1-0-1-E0");
        Assert.That(cancelled.Success, Is.True, cancelled.ToString());
        await Eventually.UntilAsync(() => events.Has("sf1-0-1-E0", OrderStatus.Cancelled), "Cancelled on the private stream");
        Assert.That(emulator.OpenOrders(), Is.Empty);
        Assert.That((await clients.Rest.GetOpenOrdersAsync("BTCUSDT")).Ok(), Is.Empty);
        Assert.That(emulator.OrderCreates("sf1-0-1-E0"), Is.EqualTo(1));
    }

    [Test]
    public async Task PlaceMarket_WalksTheBook_FillsPositionAndWalletReported([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        var placed = await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-2-E0", Side.Buy, 1_500)); // 1000 at the touch, 500 one tick up
        Assert.That(placed.Success, Is.True, placed.ToString());
        await Eventually.UntilAsync(() => events.Has("sf1-0-2-E0", OrderStatus.Filled), "Filled on the private stream");
        await Eventually.UntilAsync(() => events.Fills.Count == 2, "two executions");

        var fills = events.Fills.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(fills.Select(f => (f.PriceTicks, f.QtyLots)), Is.EqualTo(new[] { (600_001L, 1_000L), (600_002L, 500L) }));
            Assert.That(fills.All(f => !f.IsMaker && f.ClientOrderId == "sf1-0-2-E0" && f.Side == Side.Buy), Is.True);
            Assert.That(fills.Sum(f => f.Fee), Is.EqualTo((60_000.1m * 1m + 60_000.2m * 0.5m) * 5.5m / 10_000m));
        });

        var p = (await clients.Rest.GetPositionsAsync("BTCUSDT")).Ok().Single();
        decimal entry = (60_000.1m * 1m + 60_000.2m * 0.5m) / 1.5m;
        Assert.Multiple(() =>
        {
            Assert.That(p.Side, Is.EqualTo(Side.Buy));
            Assert.That(p.Size, Is.EqualTo(1.5m));
            Assert.That(p.EntryPrice, Is.EqualTo(decimal.Round(entry, 8)));
        });

        var wallet = (await clients.Rest.GetWalletAsync()).Ok();
        Assert.That(wallet.WalletBalance, Is.EqualTo(10_000m - fills.Sum(f => f.Fee)));
        Assert.That(emulator.WalletBalance, Is.EqualTo(wallet.WalletBalance));
        await Eventually.UntilAsync(() => !events.Positions.IsEmpty, "a position update on the private stream");
        Assert.That(events.Positions.Last().Size, Is.EqualTo(1.5m));
    }

    [Test]
    public async Task RestingOrder_TradesConsumeQueue_MakerFillOnPrivateStream([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Limit("sf1-0-3-E0", Side.Sell, 600_010, 20))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf1-0-3-E0", OrderStatus.New), "resting");
        emulator.Market.OnTrade(new Core.MarketData.TradeEvent(0, 0, 0, 600_010, 1_000, Side.Buy)); // 1009 lots are ahead of us
        Assert.That(emulator.GetOrder("sf1-0-3-E0")!.FilledLots, Is.Zero, "the queue ahead is not consumed yet");
        emulator.Market.OnTrade(new Core.MarketData.TradeEvent(0, 0, 0, 600_010, 100, Side.Buy));
        await Eventually.UntilAsync(() => events.Has("sf1-0-3-E0", OrderStatus.Filled), "Filled");

        var fill = events.Fills.Single();
        Assert.That((fill.PriceTicks, fill.QtyLots, fill.IsMaker, fill.Side), Is.EqualTo((600_010L, 20L, true, Side.Sell)));
        Assert.That(fill.Fee, Is.EqualTo(60_001.0m * 0.02m * 2m / 10_000m));
    }

    [Test]
    public async Task SetProtectiveStops_OnOpenPosition_StopTriggersAndClosesIt([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;
        Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Market("sf1-0-4-E0", Side.Buy, 50))).Success, Is.True);
        await Eventually.UntilAsync(() => events.Has("sf1-0-4-E0", OrderStatus.Filled), "entry filled");

        var stops = await clients.Rest.SetProtectiveStopsAsync(new ProtectiveStopsRequest("BTCUSDT", Side.Buy, 599_990, "sf1-0-4-S0", 600_500, "sf1-0-4-T0"));
        Assert.That(stops.Success, Is.True, stops.ToString());
        var armed = emulator.OpenOrders("BTCUSDT");
        Assert.That(armed.Select(o => (o.Type, o.Side, o.TriggerTicks)).OrderBy(o => o.TriggerTicks),
            Is.EqualTo(new[] { (OrderType.StopMarket, Side.Sell, 599_990L), (OrderType.TakeProfitMarket, Side.Sell, 600_500L) }));
        if (kind == ExchangeKind.Bybit)
        {
            var position = (await clients.Rest.GetPositionsAsync("BTCUSDT")).Ok().Single();
            Assert.That((position.StopLoss, position.TakeProfit), Is.EqualTo((59_999.0m, 60_050.0m)));
        }

        emulator.Market.OnTrade(new Core.MarketData.TradeEvent(0, 0, 0, 599_990, 5, Side.Sell)); // the stop triggers on this print
        await Eventually.UntilAsync(() => events.Fills.Any(f => f.Side == Side.Sell), "the stop's fill");
        var exit = events.Fills.Single(f => f.Side == Side.Sell);
        Assert.That((exit.PriceTicks, exit.QtyLots, exit.IsMaker), Is.EqualTo((599_990L, 50L, false)));
        Assert.That(emulator.GetPosition("BTCUSDT").NetLots, Is.Zero);
        var after = (await clients.Rest.GetPositionsAsync("BTCUSDT")).Ok();
        Assert.That(after.All(p => p.Size == 0), Is.True, "flat after the stop");
        if (kind == ExchangeKind.Binance) Assert.That(exit.ClientOrderId, Is.EqualTo("sf1-0-4-S0"));
    }

    [Test]
    public async Task SetLeverageAndCancelAll_BothVenues_Answered([Values] ExchangeKind kind)
    {
        await using var emulator = await Venues.StartWithBookAsync();
        var (clients, events) = await Venues.StartPrivateAsync(emulator, kind);
        await using var _ = clients;

        var changed = await clients.Rest.SetLeverageAsync("BTCUSDT", 5);
        Assert.That(changed.Success, Is.True, changed.ToString());
        var again = await clients.Rest.SetLeverageAsync("BTCUSDT", 5);
        Assert.That(again.Success, Is.True, "an unchanged leverage is not an error (Bybit 110043)");
        if (kind == ExchangeKind.Bybit) Assert.That(again.Data, Is.False);

        for (int i = 0; i < 3; i++) Assert.That((await clients.Rest.PlaceOrderAsync(Venues.Limit($"sf1-0-5-E{i}", Side.Buy, 599_900 - i, 10))).Success, Is.True);
        var all = await clients.Rest.CancelAllOrdersAsync("BTCUSDT");
        Assert.That(all.Success, Is.True, all.ToString());
        Assert.That(emulator.OpenOrders(), Is.Empty);
        await Eventually.UntilAsync(() => Enumerable.Range(0, 3).All(i => events.Has($"sf1-0-5-E{i}", OrderStatus.Cancelled)), "three cancels on the private stream");
        if (kind == ExchangeKind.Bybit) Assert.That(all.Data, Is.EquivalentTo(new[] { "sf1-0-5-E0", "sf1-0-5-E1", "sf1-0-5-E2" }));
    }
}
