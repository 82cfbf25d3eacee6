using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Scanning;
using Smallfish.Simulation.Backtesting.Scanning;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class SymbolScannerTests
{
    private const long Minute = 60_000_000_000L;

    [Test]
    public void Accumulator_Trades_TurnoverAndOneMinuteVolatilityByHand()
    {
        var acc = new SymbolActivityAccumulator("X");
        // minute closes 100, 110, 99 (last trade of each minute): returns ln(1.1), ln(0.9)
        acc.Add(0, 90, 1);
        acc.Add(Minute / 2, 100, 2);
        acc.Add(Minute + 1, 110, 1);
        acc.Add((2 * Minute) + 5, 99, 3);
        var a = acc.ToActivity();
        double r1 = Math.Log(1.1), r2 = Math.Log(0.9), mean = (r1 + r2) / 2;
        double sd = Math.Sqrt((((r1 - mean) * (r1 - mean)) + ((r2 - mean) * (r2 - mean))) / 1);
        Assert.Multiple(() =>
        {
            Assert.That(a.Turnover, Is.EqualTo(90 + 200 + 110 + 297).Within(1e-9));
            Assert.That(a.Trades, Is.EqualTo(4));
            Assert.That(a.Returns, Is.EqualTo(2));
            Assert.That(a.Volatility, Is.EqualTo(sd).Within(1e-12));
        });
    }

    [Test]
    public void Accumulator_OneMinuteOnly_VolatilityUnknown()
    {
        var acc = new SymbolActivityAccumulator("X");
        acc.Add(0, 100, 1);
        acc.Add(1, 101, 1);
        Assert.That(acc.ToActivity().Volatility, Is.NaN);
    }

    [Test]
    public void Rank_TurnoverAndVolatility_ScoreIsMeanRankWithNameTieBreak()
    {
        SymbolActivity[] c =
        [
            new("AAA", Turnover: 100, Volatility: 0.01, 1, 2),  // turnover rank 3, vol rank 1 -> 2
            new("BBB", Turnover: 300, Volatility: 0.002, 1, 2), // 1, 3 -> 2
            new("CCC", Turnover: 200, Volatility: 0.005, 1, 2), // 2, 2 -> 2
            new("DDD", Turnover: 50, Volatility: double.NaN, 1, 0), // 4, 4 -> 4
        ];
        var ranked = SymbolScanner.Rank(c);
        Assert.That(ranked.Select(r => r.Symbol), Is.EqualTo(new[] { "AAA", "BBB", "CCC", "DDD" }));
        Assert.That(ranked.Select(r => r.Score), Is.EqualTo(new[] { 2.0, 2.0, 2.0, 4.0 }));
        Assert.That(ranked[1].TurnoverRank, Is.EqualTo(1.0));
        Assert.That(ranked[1].VolatilityRank, Is.EqualTo(3.0));
    }

    [Test]
    public void Top_TiedValues_AverageRanksAndDeterministicPick()
    {
        SymbolActivity[] c =
        [
            new("ZED", 100, 0.01, 1, 2),
            new("ALT", 100, 0.01, 1, 2),
            new("LOW", 10, 0.001, 1, 2),
        ];
        var top = SymbolScanner.Top(c, 1);
        Assert.That(top.Single().Symbol, Is.EqualTo("ALT"));
        Assert.That(top[0].TurnoverRank, Is.EqualTo(1.5));
        Assert.That(SymbolScanner.Top(c.Reverse(), 2).Select(r => r.Symbol), Is.EqualTo(new[] { "ALT", "ZED" }));
    }

    [Test]
    public void Rank_DuplicateSymbol_Throws()
    {
        Assert.Throws<ArgumentException>(() => SymbolScanner.Rank([new("A", 1, 1, 1, 1), new("A", 2, 2, 1, 1)]));
    }

    [Test]
    public void Sink_TradesInTicksAndLots_ConvertedWithInstrumentGrid()
    {
        var sink = new TradeActivitySink([new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 0m)]);
        sink.OnTrade(new TradeEvent(0, 0, 0, PriceTicks: 650_000, QtyLots: 2_000, Side.Buy)); // 65000.0 x 2.000
        sink.OnTrade(new TradeEvent(5, 0, 0, 1, 1, Side.Buy)); // unknown id: ignored
        var a = sink.Activities().Single();
        Assert.That(a.Turnover, Is.EqualTo(130_000).Within(1e-6));
        Assert.That(a.Symbol, Is.EqualTo("BTCUSDT"));
    }
}
