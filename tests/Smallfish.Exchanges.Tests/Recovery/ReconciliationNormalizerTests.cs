using Smallfish.Core.Domain;
using Smallfish.Core.Recovery;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Recovery;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Recovery;

public class ReconciliationNormalizerTests
{
    private static readonly Smallfish.Exchanges.Abstractions.InstrumentCatalog Catalog = TestInstruments.Catalog();

    [Test]
    public void TryToOpenOrder_ArmedStopAfterAmend_TicksAndLotsOnTheGrid()
    {
        var order = new ExchangeOrder("BTCUSDT", "sf8-0-3-S0", "991", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, OrderStatus.New,
            0m, 0.250m, 0.100m, 0m, 64_990.5m, true, RejectReason.None, null, "StopMarket", 1, 2);

        Assert.That(ReconciliationNormalizer.TryToOpenOrder(order, Catalog, out var o), Is.True);
        Assert.That(o, Is.EqualTo(new ExchangeOpenOrder("sf8-0-3-S0", "991", "BTCUSDT", Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel,
            0, 649_905, 250, 100, true, OrderStatus.New)));
        Assert.That(o.OpenLots, Is.EqualTo(150));
    }

    [Test]
    public void TryToNetPosition_ShortAndFlatAndUnknown_ConvertsOnlyTheShort()
    {
        var shortEth = new ExchangePosition("ETHUSDT", PositionSlot.OneWay, Side.Sell, 1.50m, 3_012.345m, 3_010m, 3.5m, 10, 0, 0, 0, 1);
        var flat = shortEth with { Size = 0, Side = null };
        var unknown = shortEth with { Symbol = "DOGEUSDT" };

        Assert.Multiple(() =>
        {
            Assert.That(ReconciliationNormalizer.TryToNetPosition(shortEth, Catalog, out var p), Is.True);
            Assert.That(p, Is.EqualTo(new ExchangeNetPosition("ETHUSDT", Side.Sell, 150, 301_234.5m)));
            Assert.That(ReconciliationNormalizer.TryToNetPosition(flat, Catalog, out _), Is.False);
            Assert.That(ReconciliationNormalizer.TryToNetPosition(unknown, Catalog, out _), Is.False);
        });
    }

    [Test]
    public void TryToLastPriceTicks_NoLastPrice_FallsBackToMark()
    {
        var ticker = new ExchangeTicker("BTCUSDT", 0m, 65_000.1m, 0m, 0m, 0m, 0m, 0);
        Assert.That(ReconciliationNormalizer.TryToLastPriceTicks(ticker, Catalog, out long px), Is.True);
        Assert.That(px, Is.EqualTo(650_001));
    }
}
