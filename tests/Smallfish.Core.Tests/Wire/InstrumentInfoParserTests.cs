using System.Text;
using Smallfish.Core.Instruments;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Core.Tests.Wire;

public class InstrumentInfoParserTests
{
    [Test]
    public void BybitTryParse_InstrumentsInfoFixture_TickStepMinimums()
    {
        var specs = new List<InstrumentSpec>();
        Assert.That(BybitInstrumentsInfoParser.TryParse(SharedData.FixtureMessage("bybit/rest_instruments_info_linear.json"), specs, out var error), Is.True, error);
        var btc = specs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(btc.Symbol, Is.EqualTo("BTCUSDT"));
            Assert.That(btc.TickSize, Is.EqualTo(0.10m));
            Assert.That(btc.QtyStep, Is.EqualTo(0.001m));
            Assert.That(btc.MinQty, Is.EqualTo(0.001m));
            Assert.That(btc.MinNotional, Is.EqualTo(5m));
        });
    }

    [Test]
    public void BybitTryParse_SpotCategory_Rejected()
    {
        var json = Encoding.UTF8.GetBytes("""{"retCode":0,"result":{"category":"spot","list":[{"symbol":"BTCUSDT","priceFilter":{"tickSize":"0.1"},"lotSizeFilter":{"basePrecision":"0.000001"}}]}}""");
        var specs = new List<InstrumentSpec>();
        Assert.That(BybitInstrumentsInfoParser.TryParse(json, specs, out var error), Is.False);
        Assert.That(error, Does.Contain("spot"));
        Assert.That(specs, Is.Empty);
    }

    [Test]
    public void BybitTryParse_CoarseQtyStep_SpecBuilt()
    {
        // 1000000BABYDOGEUSDT trades in steps of 100; such steps used to overflow DecimalScale's table.
        var json = Encoding.UTF8.GetBytes("""{"retCode":0,"result":{"category":"linear","list":[{"symbol":"1000000BABYDOGEUSDT","priceFilter":{"tickSize":"0.0000001"},"lotSizeFilter":{"qtyStep":"100","minOrderQty":"100","minNotionalValue":"5"}}]}}""");
        var specs = new List<InstrumentSpec>();
        Assert.That(BybitInstrumentsInfoParser.TryParse(json, specs, out var error), Is.True, error);
        Assert.That(specs.Single().Qty.TryParseSteps("2500"u8, out long lots), Is.True);
        Assert.That(lots, Is.EqualTo(25));
    }

    [Test]
    public void BinanceTryParse_ExchangeInfoFixture_FiltersNotPrecision()
    {
        var specs = new List<InstrumentSpec>();
        Assert.That(BinanceExchangeInfoParser.TryParse(SharedData.FixtureMessage("binance/rest_exchange_info.json"), specs, out var error), Is.True, error);
        var blz = specs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(blz.Symbol, Is.EqualTo("BLZUSDT"));
            Assert.That(blz.TickSize, Is.EqualTo(0.0001m));
            Assert.That(blz.QtyStep, Is.EqualTo(1m));
            Assert.That(blz.MinQty, Is.EqualTo(1m));
            Assert.That(blz.MinNotional, Is.EqualTo(5m));
        });
    }

    [Test]
    public void BinanceTryParse_MissingPriceFilter_ErrorNamesSymbol()
    {
        var json = Encoding.UTF8.GetBytes("""{"symbols":[{"symbol":"XUSDT","filters":[{"filterType":"LOT_SIZE","stepSize":"1","minQty":"1"}]}]}""");
        Assert.That(BinanceExchangeInfoParser.TryParse(json, new List<InstrumentSpec>(), out var error), Is.False);
        Assert.That(error, Does.Contain("XUSDT"));
    }
}
