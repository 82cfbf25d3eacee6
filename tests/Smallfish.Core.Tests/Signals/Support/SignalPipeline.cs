using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Tests.Signals.Support;

/// <summary>
/// One symbol's decision pipeline as the engine runs it: book synchronizer, order book, feature engine, signal engine.
/// Decision time is the events' exchange time, never running backwards (a backtest's simulated clock). After every book
/// event and trade the signals are evaluated into <see cref="Result"/> and <see cref="Evaluated"/> is raised.
/// </summary>
internal sealed class SignalPipeline : IMarketEventSink
{
    private readonly IBookSynchronizer _sync;

    public SignalPipeline(InstrumentSpec spec, SmallfishOptions options, bool binance = false, int depthCapacity = 1024)
    {
        Options = options;
        Book = new OrderBook(spec, 0, changeLogCapacity: 4096, depthCapacity: depthCapacity);
        _sync = binance ? new BinanceBookSynchronizer(Book) : new BybitBookSynchronizer(Book);
        Features = new SymbolFeatureEngine(options.Microstructure);
        Signals = new SignalEngine(options.Signals, options.Fusion, options.AdaptiveWeights);
    }

    public SmallfishOptions Options { get; }

    public OrderBook Book { get; }

    public IBookSynchronizer Sync => _sync;

    public SymbolFeatureEngine Features { get; }

    public SignalEngine Signals { get; }

    public FusionResult Result { get; } = new();

    public long NowNs { get; private set; } = long.MinValue;

    public long Evaluations { get; private set; }

    /// <summary>Raised after every evaluation (tests only: a delegate call, no allocation per event).</summary>
    public Action<SignalPipeline>? Evaluated { get; set; }

    public void OnBook(BookUpdate update)
    {
        Advance(update.ExchTsNs);
        _sync.Apply(update);
        Features.OnBook(Book, NowNs);
        Evaluate();
    }

    public void OnTrade(in TradeEvent trade)
    {
        Advance(trade.ExchTsNs);
        Features.OnTrade(trade, NowNs);
        Evaluate();
    }

    public void OnBbo(in BboEvent bbo)
    {
    }

    public void OnTicker(in TickerEvent ticker)
    {
    }

    /// <summary>Moves time without an event (timer tick) and evaluates.</summary>
    public void Tick(long nowNs)
    {
        Advance(nowNs);
        Features.Advance(NowNs);
        Evaluate();
    }

    private void Advance(long ts)
    {
        if (ts > NowNs) NowNs = ts;
    }

    private void Evaluate()
    {
        Signals.Evaluate(0, Features.Features, NowNs, Result);
        Evaluations++;
        Evaluated?.Invoke(this);
    }
}
