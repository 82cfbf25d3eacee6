using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Runner;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// A MEASUREMENT HARNESS, not a strategy and not the trading engine: the market-data half of the pipeline (each
/// symbol's book through its exchange synchronizer, then the feature engine) behind the backtest seam, sending no
/// orders. <c>bench pipeline</c> uses it only when the build has no trading engine to bind, and says so.
/// </summary>
public sealed class MarketDataPipelineStrategy : IBacktestStrategy
{
    private readonly BacktestContext _ctx;
    private readonly IBookSynchronizer[] _syncs;
    private readonly FeatureEngine _features;

    /// <summary>Builds books, synchronizers and features for the context's symbols.</summary>
    public MarketDataPipelineStrategy(BacktestContext context)
    {
        _ctx = context ?? throw new ArgumentNullException(nameof(context));
        int n = context.Instruments.Count;
        _syncs = new IBookSynchronizer[n];
        for (int i = 0; i < n; i++)
        {
            var book = new OrderBook(context.Instruments[i], i, changeLogCapacity: 4096, depthCapacity: context.BookSync == BookSyncMode.Binance ? 8192 : 1024);
            _syncs[i] = context.BookSync == BookSyncMode.Binance ? new BinanceBookSynchronizer(book) : new BybitBookSynchronizer(book);
        }
        _features = new FeatureEngine(context.Options.Microstructure, n);
    }

    /// <summary>The features (for checks).</summary>
    public FeatureEngine Features => _features;

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        if ((uint)update.SymbolId >= (uint)_syncs.Length) return;
        var sync = _syncs[update.SymbolId];
        sync.Apply(update);
        _features.OnBook(sync.Book, _ctx.Clock.NowNs);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        if ((uint)trade.SymbolId < (uint)_syncs.Length) _features.OnTrade(trade, _ctx.Clock.NowNs);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
    }

    /// <inheritdoc />
    public void OnTimer(long nowNs) => _features.Advance(nowNs);

    /// <inheritdoc />
    public FusionResult? LastFusion(int symbolId) => null;

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update)
    {
    }

    /// <inheritdoc />
    public void OnFill(in Fill fill)
    {
    }

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment)
    {
    }
}
