using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Runs;

/// <summary>
/// The trading engine behind the backtest seam: built by <see cref="EngineBuilder"/> from the run's context exactly as
/// the service builds it (options, clock, order port, journal, signals, instruments), with the simulated clock, the
/// simulated venue's order port and the run's journal in place of the live ones, and the book synchronizer matching the
/// feed. Every call is passed straight to the engine.
/// </summary>
public sealed class EngineStrategy : IBacktestStrategy
{
    /// <summary>Wraps <paramref name="engine"/>.</summary>
    public EngineStrategy(TradingEngine engine) => Engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>The engine under test.</summary>
    public TradingEngine Engine { get; }

    /// <summary>Builds the engine for <paramref name="context"/> with <paramref name="signals"/> as its 13 signals and fusion.</summary>
    public static EngineStrategy Create(BacktestContext context, ISignalEvaluator signals)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signals);
        var mode = context.BookSync;
        return new EngineStrategy(EngineBuilder.Build(StandardEngine.Setup(context.Options, context.Symbols, context.Clock, context.Orders, context.Journal, signals) with
        {
            StartingEquity = context.StartingEquity,
            Instruments = new InstrumentCatalog(context.Instruments),
            BookSynchronizer = book => mode switch
            {
                BookSyncMode.Binance => new BinanceBookSynchronizer(book),
                BookSyncMode.Bybit => new BybitBookSynchronizer(book),
                _ => new UncheckedBookSynchronizer(book),
            },
        }));
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update) => Engine.OnBook(update);

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade) => Engine.OnTrade(trade);

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo) => Engine.OnBbo(bbo);

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker) => Engine.OnTicker(ticker);

    /// <inheritdoc />
    public void OnTimer(long nowNs) => Engine.OnTimer(nowNs);

    /// <inheritdoc />
    public FusionResult? LastFusion(int symbolId) => Engine.LastFusion(symbolId);

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update) => Engine.OnOrderUpdate(update);

    /// <inheritdoc />
    public void OnFill(in Fill fill) => Engine.OnFill(fill);

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment) => Engine.OnFunding(payment);
}
