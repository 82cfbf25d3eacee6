using Smallfish.Core.Domain;
using Smallfish.Simulation.Backtesting.Statistics;
using static Smallfish.Core.Tests.Simulation.Backtesting.StatisticsFixtures;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

public class BacktestStatisticsTests
{
    private static BacktestStatistics FourTradeStats(FillStatistics? fills = null) => BacktestStatistics.Compute(new BacktestStatisticsInput
    {
        Trades = FourTrades(),
        Equity = FourTradeEquity(),
        Fills = fills,
        Exposure = [new(T0, T0 + (Minute / 2)), new(T0 + (Minute / 4), T0 + Minute), new(T0 + (2 * Minute), T0 + (3 * Minute))],
        Events = 1234,
        FirstTsNs = T0,
        LastTsNs = T0 + (4 * Minute),
        Frequency = StatsFrequency.OneMinute,
    });

    [Test]
    public void Compute_FourTrades_CountsAndMoneyMatchHandSums()
    {
        var s = FourTradeStats();
        Assert.Multiple(() =>
        {
            Assert.That(s.Trades, Is.EqualTo(4));
            Assert.That(s.Wins, Is.EqualTo(2));
            Assert.That(s.Losses, Is.EqualTo(2));
            Assert.That(s.WinRate, Is.EqualTo(0.5));
            Assert.That(s.GrossPnl, Is.EqualTo(26m));      // 32 - 9 + 21 - 18
            Assert.That(s.Fees, Is.EqualTo(5.5m));         // 2 + 1 + 1 + 1.5
            Assert.That(s.Funding, Is.EqualTo(0.5m));
            Assert.That(s.NetPnl, Is.EqualTo(20m));        // 26 - 5.5 - 0.5 = 30 - 10 + 20 - 20
            Assert.That(s.GrossWins, Is.EqualTo(50m));
            Assert.That(s.GrossLosses, Is.EqualTo(30m));
            Assert.That(s.ProfitFactor, Is.EqualTo(50.0 / 30.0).Within(1e-12));
            Assert.That(s.Expectancy, Is.EqualTo(5m));     // 20 / 4
            Assert.That(s.Events, Is.EqualTo(1234));
            Assert.That(s.FirstTsNs, Is.EqualTo(T0));
            Assert.That(s.LastTsNs, Is.EqualTo(T0 + (4 * Minute)));
        });
    }

    [Test]
    public void Compute_FourTrades_RMultiplesMatchHandValues()
    {
        var s = FourTradeStats();
        // mean R = (1.5 - 0.5 + 1.0 - 1.0) / 4 = 0.25; expectancy R = 0.5 x 1.25 - 0.5 x 0.75 = 0.25
        Assert.That(s.AvgR, Is.EqualTo(0.25).Within(1e-12));
        Assert.That(s.ExpectancyR, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Compute_FourTrades_DrawdownIsLargestFallFromPeak()
    {
        var s = FourTradeStats();
        // peaks 1030 then 1040; falls 10 (to 1020) and 20 (to 1020): 20 / 1040 = 1.923077 %
        Assert.That(s.MaxDrawdown, Is.EqualTo(20m));
        Assert.That(s.MaxDrawdownPct, Is.EqualTo(20.0 / 1040.0 * 100.0).Within(1e-9));
    }

    [Test]
    public void Compute_FourTrades_SharpeAndSortinoOnOneMinuteReturns()
    {
        var s = FourTradeStats();
        // returns: 0.03, 1020/1030-1, 1040/1020-1, 1020/1040-1
        double[] r = [0.03, (1020.0 / 1030.0) - 1, (1040.0 / 1020.0) - 1, (1020.0 / 1040.0) - 1];
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double sd = Math.Sqrt((Sq(r[0] - mean) + Sq(r[1] - mean) + Sq(r[2] - mean) + Sq(r[3] - mean)) / 3);
        double down = Math.Sqrt((Sq(r[1]) + Sq(r[3])) / 4);
        double annual = Math.Sqrt(365.25 * 24 * 60);
        Assert.Multiple(() =>
        {
            Assert.That(s.Frequency.Name, Is.EqualTo("1m"));
            Assert.That(s.ReturnPeriods, Is.EqualTo(4));
            Assert.That(s.Sharpe, Is.EqualTo(mean / sd * annual).Within(1e-9));
            Assert.That(s.Sharpe, Is.EqualTo(160.1874149).Within(1e-6), "worked by hand: mean 0.0051671, sd 0.0233934");
            Assert.That(s.Sortino, Is.EqualTo(mean / down * annual).Within(1e-9));
        });
    }

    [Test]
    public void Compute_OverlappingExposure_IsUnionOverSession()
    {
        // [0, 0.5m) u [0.25m, 1m) u [2m, 3m) = 2 minutes of a 4-minute session
        Assert.That(FourTradeStats().Exposure, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Compute_WithFillStatistics_UsesMakerRatioAndPerFillSlippage()
    {
        var s = FourTradeStats(new FillStatistics(MakerFills: 6, TakerFills: 2, SlippageTicks: 4, SlippageSamples: 8));
        Assert.Multiple(() =>
        {
            Assert.That(s.MakerFillRatio, Is.EqualTo(0.75));
            Assert.That(s.AvgSlippageTicks, Is.EqualTo(0.5));
            Assert.That(s.MakerFills, Is.EqualTo(6));
            Assert.That(s.TakerFills, Is.EqualTo(2));
        });
    }

    [Test]
    public void Compute_WithoutFillStatistics_SlippageIsPerTradeAndMakerRatioUnknown()
    {
        var s = FourTradeStats();
        Assert.That(s.AvgSlippageTicks, Is.EqualTo(1.5)); // (1 + 2 + 0 + 3) / 4
        Assert.That(s.MakerFillRatio, Is.NaN);
    }

    [Test]
    public void Compute_ExplicitFeesAndFunding_OverrideTradeSums()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { Trades = FourTrades(), Fees = 7m, Funding = -1m, InitialEquity = 1000m });
        Assert.That(s.NetPnl, Is.EqualTo(20m)); // 26 - 7 + 1
    }

    [Test]
    public void Compute_NoTrades_UndefinedRatiosAreNaNAndMoneyIsZero()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { InitialEquity = 1000m });
        Assert.Multiple(() =>
        {
            Assert.That(s.Trades, Is.Zero);
            Assert.That(s.WinRate, Is.NaN);
            Assert.That(s.ProfitFactor, Is.NaN);
            Assert.That(s.AvgR, Is.NaN);
            Assert.That(s.ExpectancyR, Is.NaN);
            Assert.That(s.Expectancy, Is.Zero);
            Assert.That(s.NetPnl, Is.Zero);
            Assert.That(s.MaxDrawdown, Is.Zero);
            Assert.That(s.Sharpe, Is.NaN);
            Assert.That(s.Sortino, Is.NaN);
            Assert.That(s.Exposure, Is.Zero);
            Assert.That(s.AvgSlippageTicks, Is.NaN);
        });
    }

    [Test]
    public void Compute_AllWins_ProfitFactorIsInfinityAndNoDrawdown()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Trades = [Trade(11m, 1m, 0m, 1.0, 0, 0, 1), Trade(6m, 1m, 0m, 0.5, 0, 1, 2)],
            InitialEquity = 1000m,
        });
        Assert.Multiple(() =>
        {
            Assert.That(s.WinRate, Is.EqualTo(1.0));
            Assert.That(s.ProfitFactor, Is.EqualTo(double.PositiveInfinity));
            Assert.That(s.MaxDrawdown, Is.Zero);
            Assert.That(s.NetPnl, Is.EqualTo(15m));
            Assert.That(s.ExpectancyR, Is.EqualTo(0.75).Within(1e-12));
        });
    }

    [Test]
    public void Compute_AllLosses_ProfitFactorZeroAndDrawdownFromTradeCurve()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Trades = [Trade(-9m, 1m, 0m, -1.0, 0, 0, 1), Trade(-4m, 1m, 0m, -0.5, 0, 1, 2)],
            InitialEquity = 1000m,
        });
        // curve built from the trades: 1000, 990, 985
        Assert.Multiple(() =>
        {
            Assert.That(s.WinRate, Is.Zero);
            Assert.That(s.ProfitFactor, Is.Zero);
            Assert.That(s.MaxDrawdown, Is.EqualTo(15m));
            Assert.That(s.MaxDrawdownPct, Is.EqualTo(1.5).Within(1e-12));
            Assert.That(s.ExpectancyR, Is.EqualTo(-0.75).Within(1e-12));
        });
    }

    [Test]
    public void Compute_OneTrade_FiguresAreThatTrade()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { Trades = [Trade(-3m, 1m, 0m, -0.8, 2)], InitialEquity = 500m });
        Assert.Multiple(() =>
        {
            Assert.That(s.Trades, Is.EqualTo(1));
            Assert.That(s.NetPnl, Is.EqualTo(-4m));
            Assert.That(s.Expectancy, Is.EqualTo(-4m));
            Assert.That(s.AvgR, Is.EqualTo(-0.8));
            Assert.That(s.AvgSlippageTicks, Is.EqualTo(2.0));
            Assert.That(s.MaxDrawdown, Is.EqualTo(4m));
        });
    }

    [Test]
    public void Compute_BreakEvenTrade_IsNeitherWinNorLoss()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { Trades = [Trade(1m, 1m, 0m, 0.0)] });
        Assert.That((s.Wins, s.Losses, s.WinRate), Is.EqualTo((0, 0, 0.0)));
        Assert.That(s.ProfitFactor, Is.NaN);
    }

    [Test]
    public void Compute_FlatEquity_RatiosUndefinedNoDrawdown()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Equity = [new(T0, 1000m), new(T0 + (10 * Minute), 1000m)],
            FirstTsNs = T0,
            LastTsNs = T0 + (10 * Minute),
            Frequency = StatsFrequency.OneMinute,
        });
        Assert.Multiple(() =>
        {
            Assert.That(s.ReturnPeriods, Is.EqualTo(10));
            Assert.That(s.Sharpe, Is.NaN);
            Assert.That(s.Sortino, Is.NaN);
            Assert.That(s.MaxDrawdown, Is.Zero);
            Assert.That(s.MaxDrawdownPct, Is.Zero);
        });
    }

    [Test]
    public void Compute_NonFiniteR_IsLeftOutOfAverageR()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { Trades = [Trade(5m, 0m, 0m, double.NaN), Trade(5m, 0m, 0m, 2.0)] });
        Assert.That(s.AvgR, Is.EqualTo(2.0));
    }

    [Test]
    public void Compute_NoFrequencyGiven_PicksFromSessionLength()
    {
        var s = BacktestStatistics.Compute(new BacktestStatisticsInput { Equity = FourTradeEquity(), FirstTsNs = T0, LastTsNs = T0 + (4 * Minute) });
        Assert.That(s.Frequency, Is.EqualTo(StatsFrequency.TenSeconds));
        Assert.That(s.ReturnPeriods, Is.EqualTo(24));
    }

    private static double Sq(double x) => x * x;
}
