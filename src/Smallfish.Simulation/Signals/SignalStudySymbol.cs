using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Simulation.Signals;

/// <summary>One symbol of a <see cref="SignalStudy"/>: its features, signals, the sampling and the research.</summary>
public sealed class SignalStudySymbol
{
    private readonly OrderBook _book;
    private readonly long _interval;
    private long _nextSampleNs = long.MinValue;
    private readonly long[] _regimeSamples = new long[4];

    internal SignalStudySymbol(string symbol, OrderBook book, SmallfishOptions options, SignalStudyOptions study)
    {
        Name = symbol;
        _book = book;
        _interval = study.SampleIntervalNs;
        Features = new SymbolFeatureEngine(options.Microstructure, book.SymbolId);
        var scoped = options.ForSymbol(symbol);
        Signals = new SymbolSignalEngine(scoped.Signals, scoped.Fusion, options.AdaptiveWeights);
        Research = new SignalResearch(study.Research);
    }

    /// <summary>The symbol.</summary>
    public string Name { get; }

    /// <summary>The symbol's features.</summary>
    public SymbolFeatureEngine Features { get; }

    /// <summary>The symbol's signals.</summary>
    public SymbolSignalEngine Signals { get; }

    /// <summary>The latest evaluation.</summary>
    public FusionResult Result { get; } = new();

    /// <summary>The per-signal statistics being gathered.</summary>
    public SignalResearch Research { get; }

    /// <summary>Decision time, ns.</summary>
    public long NowNs { get; private set; } = long.MinValue;

    /// <summary>Book messages and trades seen.</summary>
    public long Events { get; private set; }

    /// <summary>Evaluations of the signals (one per event).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Grid points sampled into the research (warm features, valid book).</summary>
    public long Samples { get; private set; }

    /// <summary>Grid points skipped because the features were cold or the book invalid.</summary>
    public long SkippedSamples { get; private set; }

    /// <summary>Sampled grid points whose fusion wanted an entry.</summary>
    public long EntrySamples { get; private set; }

    /// <summary>Sampled grid points in each volatility regime (index = <see cref="VolatilityRegime"/>).</summary>
    public ReadOnlySpan<long> RegimeSamples => _regimeSamples;

    /// <summary>The research figures over everything sampled so far.</summary>
    public SignalResearchResult Complete() => Research.Complete();

    internal void OnBook(long exchTsNs)
    {
        Step(exchTsNs);
        Features.OnBook(_book, NowNs);
        Evaluate();
    }

    internal void OnTrade(in TradeEvent trade)
    {
        Step(trade.ExchTsNs);
        Features.OnTrade(trade, NowNs);
        Evaluate();
    }

    // Moves time to ts; every grid point before it is sampled with the state in effect then (the last evaluation's).
    private void Step(long ts)
    {
        Events++;
        if (ts > NowNs) NowNs = ts;
        if (_nextSampleNs == long.MinValue)
        {
            _nextSampleNs = (NowNs / _interval + 1) * _interval;
            return;
        }
        while (_nextSampleNs < NowNs)
        {
            Sample(_nextSampleNs);
            _nextSampleNs += _interval;
        }
    }

    private void Sample(long gridNs)
    {
        ref readonly var f = ref Features.Features;
        if (Evaluations == 0 || !f.IsWarm || !f.IsBookValid)
        {
            SkippedSamples++;
            return;
        }
        Research.Add(gridNs, f.MidTicks, Result.Scores, Result.Active);
        Samples++;
        if (Result.WantsEntry) EntrySamples++;
        _regimeSamples[Math.Clamp(Result.Regime, 0, 3)]++;
    }

    private void Evaluate()
    {
        Signals.Evaluate(Features.Features, NowNs, Result);
        Evaluations++;
    }
}
