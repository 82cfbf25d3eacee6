using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>
/// The performance figures of one symbol x profile run. Money is decimal (quote currency), ratios double; a ratio
/// that is undefined (no trades, no losing trade, flat equity) is NaN or infinity, never a made-up number, and the
/// report writers print it as <c>null</c> / "n/a" / "inf".
/// </summary>
public sealed record BacktestStatistics
{
    /// <summary>Completed round trips.</summary>
    public int Trades { get; init; }

    /// <summary>Trades with net P&amp;L &gt; 0.</summary>
    public int Wins { get; init; }

    /// <summary>Trades with net P&amp;L &lt; 0 (a trade at exactly 0 is neither).</summary>
    public int Losses { get; init; }

    /// <summary>Wins / trades; NaN without trades.</summary>
    public double WinRate { get; init; }

    /// <summary>Gross P&amp;L minus fees minus funding.</summary>
    public decimal NetPnl { get; init; }

    /// <summary>Sum of the trades' P&amp;L before fees and funding.</summary>
    public decimal GrossPnl { get; init; }

    /// <summary>Fees paid.</summary>
    public decimal Fees { get; init; }

    /// <summary>Funding paid (positive) or received (negative).</summary>
    public decimal Funding { get; init; }

    /// <summary>Largest peak-to-trough fall of equity, quote currency.</summary>
    public decimal MaxDrawdown { get; init; }

    /// <summary>Largest peak-to-trough fall of equity relative to the peak, percent.</summary>
    public double MaxDrawdownPct { get; init; }

    /// <summary>Annualized Sharpe ratio of <see cref="Frequency"/> returns.</summary>
    public double Sharpe { get; init; }

    /// <summary>Annualized Sortino ratio of <see cref="Frequency"/> returns.</summary>
    public double Sortino { get; init; }

    /// <summary>The return interval Sharpe and Sortino were computed on.</summary>
    public StatsFrequency Frequency { get; init; } = StatsFrequency.OneMinute;

    /// <summary>Number of returns Sharpe and Sortino were computed from.</summary>
    public int ReturnPeriods { get; init; }

    /// <summary>Sum of the winning trades' net P&amp;L.</summary>
    public decimal GrossWins { get; init; }

    /// <summary>Sum of the losing trades' net P&amp;L, as a positive number.</summary>
    public decimal GrossLosses { get; init; }

    /// <summary>
    /// Gross wins / gross losses on net (after-fee) P&amp;L: +infinity with wins and no losses, NaN with neither.
    /// </summary>
    public double ProfitFactor { get; init; }

    /// <summary>Mean R-multiple over the trades with a finite R; NaN when none.</summary>
    public double AvgR { get; init; }

    /// <summary>Expected net P&amp;L per trade (mean net P&amp;L); 0 without trades.</summary>
    public decimal Expectancy { get; init; }

    /// <summary>
    /// Expected R per trade: win rate x mean winning R - loss rate x mean losing |R| over the trades with a finite R
    /// (equal to <see cref="AvgR"/> by construction, stated separately because reports quote it that way); NaN when none.
    /// </summary>
    public double ExpectancyR { get; init; }

    /// <summary>Maker fills.</summary>
    public long MakerFills { get; init; }

    /// <summary>Taker fills.</summary>
    public long TakerFills { get; init; }

    /// <summary>Maker fills / all fills; NaN when fills are unknown or none.</summary>
    public double MakerFillRatio { get; init; }

    /// <summary>Mean adverse slippage, ticks (per fill when fill statistics were given, else per trade); NaN when none.</summary>
    public double AvgSlippageTicks { get; init; }

    /// <summary>Fraction of the session with a position open, in [0, 1].</summary>
    public double Exposure { get; init; }

    /// <summary>Market events replayed.</summary>
    public long Events { get; init; }

    /// <summary>Exchange time of the first event, ns (0 when none).</summary>
    public long FirstTsNs { get; init; }

    /// <summary>Exchange time of the last event, ns (0 when none).</summary>
    public long LastTsNs { get; init; }

    /// <summary>Computes every figure from a finished run.</summary>
    public static BacktestStatistics Compute(BacktestStatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trades = input.Trades;
        int wins = 0, losses = 0, rCount = 0, rWins = 0, rLosses = 0;
        decimal gross = 0, tradeFees = 0, tradeFunding = 0, sumNet = 0, grossWins = 0, grossLosses = 0;
        double sumR = 0, sumWinR = 0, sumLossR = 0;
        long tradeSlippage = 0;
        foreach (var t in trades)
        {
            gross += t.GrossPnl;
            tradeFees += t.Fees;
            tradeFunding += t.Funding;
            sumNet += t.NetPnl;
            tradeSlippage += t.SlippageTicks;
            if (t.NetPnl > 0) { wins++; grossWins += t.NetPnl; }
            else if (t.NetPnl < 0) { losses++; grossLosses -= t.NetPnl; }
            if (double.IsFinite(t.RMultiple))
            {
                rCount++;
                sumR += t.RMultiple;
                if (t.RMultiple > 0) { rWins++; sumWinR += t.RMultiple; }
                else if (t.RMultiple < 0) { rLosses++; sumLossR -= t.RMultiple; }
            }
        }

        decimal fees = input.Fees ?? tradeFees;
        decimal funding = input.Funding ?? tradeFunding;
        var equity = input.Equity.Count > 0 ? input.Equity : EquityFromTrades(input.InitialEquity, trades, input.FirstTsNs);
        var drawdown = Drawdown.Of(equity);

        long start = input.FirstTsNs != 0 ? input.FirstTsNs : equity.Count > 0 ? equity[0].TsNs : 0;
        long end = input.LastTsNs != 0 ? input.LastTsNs : equity.Count > 0 ? equity[^1].TsNs : 0;
        if (equity.Count > 0)
        {
            start = Math.Min(start, equity[0].TsNs);
            end = Math.Max(end, equity[^1].TsNs);
        }
        var frequency = input.Frequency ?? StatsFrequency.ForSession(end - start);
        double[] returns = EquityResampler.Returns(equity, start, end, frequency.IntervalNs);

        var fills = input.Fills;
        return new BacktestStatistics
        {
            Trades = trades.Count,
            Wins = wins,
            Losses = losses,
            WinRate = trades.Count == 0 ? double.NaN : (double)wins / trades.Count,
            GrossPnl = gross,
            Fees = fees,
            Funding = funding,
            NetPnl = gross - fees - funding,
            MaxDrawdown = drawdown.Absolute,
            MaxDrawdownPct = drawdown.Percent,
            Sharpe = ReturnRatios.Sharpe(returns, frequency.PeriodsPerYear),
            Sortino = ReturnRatios.Sortino(returns, frequency.PeriodsPerYear),
            Frequency = frequency,
            ReturnPeriods = returns.Length,
            GrossWins = grossWins,
            GrossLosses = grossLosses,
            ProfitFactor = grossLosses > 0 ? (double)(grossWins / grossLosses) : grossWins > 0 ? double.PositiveInfinity : double.NaN,
            AvgR = rCount == 0 ? double.NaN : sumR / rCount,
            Expectancy = trades.Count == 0 ? 0m : sumNet / trades.Count,
            ExpectancyR = rCount == 0 ? double.NaN
                : ((double)rWins / rCount * (rWins == 0 ? 0 : sumWinR / rWins)) - ((double)rLosses / rCount * (rLosses == 0 ? 0 : sumLossR / rLosses)),
            MakerFills = fills?.MakerFills ?? 0,
            TakerFills = fills?.TakerFills ?? 0,
            MakerFillRatio = fills?.MakerRatio ?? double.NaN,
            AvgSlippageTicks = fills is not null ? fills.AverageSlippageTicks
                : trades.Count == 0 ? double.NaN : (double)tradeSlippage / trades.Count,
            Exposure = Statistics.Exposure.Fraction(input.Exposure, start, end),
            Events = input.Events,
            FirstTsNs = input.FirstTsNs,
            LastTsNs = input.LastTsNs,
        };
    }

    private static List<EquityPoint> EquityFromTrades(decimal initial, IReadOnlyList<TradeResult> trades, long firstTsNs)
    {
        var curve = new List<EquityPoint>(trades.Count + 1);
        if (trades.Count == 0) return curve;
        long t0 = firstTsNs != 0 ? Math.Min(firstTsNs, trades[0].OpenedNs) : trades[0].OpenedNs;
        decimal equity = initial;
        curve.Add(new EquityPoint(t0, equity));
        foreach (var t in trades)
        {
            equity += t.NetPnl;
            curve.Add(new EquityPoint(t.ClosedNs, equity));
        }
        return curve;
    }
}
