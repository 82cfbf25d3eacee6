using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// The narrow seam between the backtest driver and what it tests: the trading engine (the same object the service
/// runs) or, in tests, a scripted double. It hears the market after the feed delay, the venue's reports after the
/// response delay, funding settlements, and a periodic timer; it sends commands through
/// <see cref="BacktestContext.Orders"/> and records decisions, trades and shadow trades in
/// <see cref="BacktestContext.Journal"/>. Everything is called on one thread, in simulated-time order.
/// </summary>
public interface IBacktestStrategy : IMarketEventSink, IExecutionSink, IFundingSink
{
    /// <summary>Time-based work at <paramref name="nowNs"/> when no event arrives (timeouts, time stops, day roll).</summary>
    void OnTimer(long nowNs);

    /// <summary>The latest fused signal view of <paramref name="symbolId"/>, or null when the strategy has none.</summary>
    FusionResult? LastFusion(int symbolId);
}
