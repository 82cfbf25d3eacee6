using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Tests.Instruments;

public class InstrumentSpecTests
{
    private static readonly InstrumentSpec Btc = new("BTCUSDT", 0.10m, 0.001m, 0.001m, 100m);

    [TestCase(63959.95, Side.Buy, 639599)]
    [TestCase(63959.95, Side.Sell, 639600)]
    [TestCase(63959.90, Side.Buy, 639599)]
    [TestCase(63959.90, Side.Sell, 639599)]
    [TestCase(63959.91, Side.Sell, 639600)]
    public void RoundLimitPrice_HalfAndOffTick_NeverPaysMore(decimal price, Side side, long expected) =>
        Assert.That(Btc.RoundLimitPrice(price, side), Is.EqualTo(expected));

    [TestCase(0.0019, 1)]
    [TestCase(0.001, 1)]
    [TestCase(0.0009, 0)]
    [TestCase(-1, 0)]
    public void FloorLots_Quantity_NeverMoreThanAsked(decimal qty, long expected) => Assert.That(Btc.FloorLots(qty), Is.EqualTo(expected));

    [Test]
    public void MeetsMinimums_AtTheBoundaries()
    {
        long price = Btc.Price.ToSteps(50_000m, MidpointRounding.ToEven);
        Assert.Multiple(() =>
        {
            Assert.That(Btc.MeetsMinimums(price, 2), Is.True, "0.002 x 50000 = 100, exactly the minimum notional");
            Assert.That(Btc.MeetsMinimums(price, 1), Is.False, "0.001 x 50000 = 50 < 100");
            Assert.That(Btc.MeetsMinimums(price, 0), Is.False);
            Assert.That(Btc.MinimumLotsAt(price), Is.EqualTo(2));
            Assert.That(Btc.MinimumLotsAt(Btc.Price.ToSteps(49_999.9m, MidpointRounding.ToEven)), Is.EqualTo(3));
        });
    }

    [Test]
    public void MinLots_MinQtyBelowStep_AtLeastOneLot()
    {
        var spec = new InstrumentSpec("X", 0.1m, 0.01m, 0.001m, 0);
        Assert.That(spec.MinLots, Is.EqualTo(1));
        Assert.That(spec.MinimumLotsAt(10), Is.EqualTo(1));
    }

    [Test]
    public void Notional_TicksAndLots_Exact() => Assert.That(Btc.Notional(639599, 3), Is.EqualTo(191.8797m));
}
