namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>How the run's orders were filled: maker and taker fill counts and adverse slippage.</summary>
/// <param name="MakerFills">Fills that rested on the book (post-only / passive).</param>
/// <param name="TakerFills">Fills that crossed the spread (IOC, market, stop).</param>
/// <param name="SlippageTicks">Total adverse slippage against the intended prices, ticks.</param>
/// <param name="SlippageSamples">Number of fills (or orders) the slippage total is summed over.</param>
public sealed record FillStatistics(long MakerFills, long TakerFills, long SlippageTicks, long SlippageSamples)
{
    /// <summary>No fills.</summary>
    public static FillStatistics None { get; } = new(0, 0, 0, 0);

    /// <summary>Maker fills / all fills; NaN without fills.</summary>
    public double MakerRatio => MakerFills + TakerFills == 0 ? double.NaN : (double)MakerFills / (MakerFills + TakerFills);

    /// <summary>Mean adverse slippage per sample, ticks; NaN without samples.</summary>
    public double AverageSlippageTicks => SlippageSamples == 0 ? double.NaN : (double)SlippageTicks / SlippageSamples;
}
