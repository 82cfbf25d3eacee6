using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

public class PositionSizerTests
{
    /// <summary>BTCUSDT's grid: tick 0.1, step 0.001, min qty 0.001, min notional 5.</summary>
    private static readonly InstrumentSpec Btc = new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);

    private static SizingRequest Request(decimal equity = 10_000m, double riskPct = 1.5, double multiplier = 1, double cap = 5,
        decimal open = 0, long entry = 600_000, long stop = 300) =>
        new(equity, riskPct, multiplier, cap, open, Side.Buy, entry, stop);

    [Test]
    public void Size_RiskBudgetBinds_FloorsToTheQtyStep()
    {
        // 1.5 % of 10 000 = 150 USDT; 30.0 USDT per BTC of stop distance -> 5 BTC = 5000 lots; 5 BTC at 60 000 = 300 000 > cap.
        var r = PositionSizer.Size(Request(stop: 300, cap: 100), Btc);
        Assert.Multiple(() =>
        {
            Assert.That(r.Lots, Is.EqualTo(5000));
            Assert.That(r.RiskBudget, Is.EqualTo(150m));
            Assert.That(r.RiskAtStop, Is.EqualTo(150m));
            Assert.That(r.CappedByEquity, Is.False);
            Assert.That(r.Reason, Is.EqualTo(GateReason.Pass));
        });
    }

    [Test]
    public void Size_StopDistanceNotAMultipleOfTheBudget_RoundsDownNeverUp()
    {
        var r = PositionSizer.Size(Request(stop: 301, cap: 100), Btc);
        Assert.That(r.Lots, Is.EqualTo(4983)); // 150 / 30.1 = 4.9833 BTC
        Assert.That(r.RiskAtStop, Is.LessThanOrEqualTo(r.RiskBudget));
    }

    [Test]
    public void Size_EquityCapBinds_CapsTheNotional()
    {
        // cap 5 x 10 000 = 50 000 USDT; at 60 000 that is 0.833 BTC.
        var r = PositionSizer.Size(Request(stop: 300, cap: 5), Btc);
        Assert.Multiple(() =>
        {
            Assert.That(r.Lots, Is.EqualTo(833));
            Assert.That(r.CappedByEquity, Is.True);
            Assert.That(r.Notional, Is.LessThanOrEqualTo(50_000m));
        });
    }

    [Test]
    public void Size_OpenPositionsUseTheCap_LeavesOnlyTheRest()
    {
        var r = PositionSizer.Size(Request(stop: 300, cap: 5, open: 44_000m), Btc);
        Assert.That(r.Lots, Is.EqualTo(100)); // 6 000 USDT left at 60 000 = 0.1 BTC
    }

    [Test]
    public void Size_DrawdownTierHalves_HalvesTheRisk()
    {
        var full = PositionSizer.Size(Request(stop: 300, cap: 100), Btc);
        var half = PositionSizer.Size(Request(stop: 300, cap: 100, multiplier: 0.5), Btc);
        Assert.That(half.Lots, Is.EqualTo(full.Lots / 2));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    public void Size_ZeroMultiplier_NoTrade(double multiplier)
    {
        var r = PositionSizer.Size(Request(multiplier: multiplier), Btc);
        Assert.That((r.Lots, r.Reason), Is.EqualTo((0L, GateReason.BelowMinimumSize)));
    }

    [Test]
    public void Size_BelowMinNotional_NoTradeRatherThanRoundingUp()
    {
        // 0.5 % of 10 USDT = 0.05 USDT at a 3000-tick stop (300 USDT per BTC): 0.00016 BTC, below the 0.001 step.
        var r = PositionSizer.Size(Request(equity: 10m, riskPct: 0.5, stop: 3000, cap: 100), Btc);
        Assert.Multiple(() =>
        {
            Assert.That(r.Lots, Is.Zero);
            Assert.That(r.Reason, Is.EqualTo(GateReason.BelowMinimumSize));
        });
    }
}
