using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Backtesting.Research;
using Smallfish.Simulation.Replay;

namespace Smallfish.Simulation.Signals;

/// <summary>
/// Runs the decision pipeline (book synchronizer, features, the 13 signals and fusion) over a replayed recording and
/// measures each signal with <see cref="SignalResearch"/>: how often it is active and how often its direction agrees with
/// the next 1 s / 5 s / 30 s mid move. The signals' state is sampled on a fixed time grid
/// (<see cref="SignalStudyOptions.SampleIntervalNs"/>) once the features are warm and the book valid, so busy moments
/// count no more than quiet ones. Decision time is the events' exchange time, never running backwards. Readers push
/// into <see cref="Driver"/>, which applies book messages and passes every event on to the study.
/// </summary>
public sealed class SignalStudy : IMarketEventSink
{
    private readonly SmallfishOptions _options;
    private readonly SignalStudyOptions _study;
    private SignalStudySymbol?[] _symbols = new SignalStudySymbol?[4];

    /// <summary>Creates a study over the instruments of <paramref name="catalog"/> with <paramref name="options"/>.</summary>
    public SignalStudy(InstrumentCatalog catalog, SmallfishOptions options, SignalStudyOptions? study = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _study = study ?? new SignalStudyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_study.SampleIntervalNs, 1, nameof(study));
        Driver = new ReplayBookDriver(catalog, this);
    }

    /// <summary>The book driver readers push into (its <see cref="ReplayBookDriver.Symbols"/> is the run's symbol table).</summary>
    public ReplayBookDriver Driver { get; }

    /// <summary>Registers <paramref name="symbol"/> with <paramref name="venue"/>'s book rules and returns its id.</summary>
    public int AddSymbol(string symbol, ExchangeName venue)
    {
        int id = Driver.AddSymbol(symbol, venue);
        if (id >= _symbols.Length) Array.Resize(ref _symbols, Math.Max(id + 1, _symbols.Length * 2));
        _symbols[id] = new SignalStudySymbol(symbol, Driver.Book(id), _options, _study);
        return id;
    }

    /// <summary>The study of <paramref name="symbolId"/>.</summary>
    public SignalStudySymbol Symbol(int symbolId) =>
        (uint)symbolId < (uint)_symbols.Length && _symbols[symbolId] is { } s ? s : throw new ArgumentOutOfRangeException(nameof(symbolId));

    /// <summary>Reads <paramref name="reader"/> to its end through the driver.</summary>
    public void Run(IReplayReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadAll(Driver);
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        if (Get(update.SymbolId) is { } s) s.OnBook(update.ExchTsNs);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        if (Get(trade.SymbolId) is { } s) s.OnTrade(trade);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
    }

    private SignalStudySymbol? Get(int id) => (uint)id < (uint)_symbols.Length ? _symbols[id] : null;
}
