using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Replay;

/// <summary>
/// Drives order books from a replayed stream: owns the run's <see cref="SymbolTable"/>, one <see cref="OrderBook"/> and
/// the venue's <see cref="IBookSynchronizer"/> per symbol, applies every <see cref="BookUpdate"/> through it and keeps
/// <see cref="BookReplayStats"/>. Every event is then passed on, in order, to an optional downstream sink, which sees
/// the book already updated. Readers are given <see cref="Symbols"/> and the same catalog.
/// </summary>
public sealed class ReplayBookDriver : IMarketEventSink
{
    private readonly InstrumentCatalog _catalog;
    private readonly IMarketEventSink? _downstream;
    private IBookSynchronizer?[] _syncs = new IBookSynchronizer?[8];
    private BookReplayStats?[] _stats = new BookReplayStats?[8];
    private bool[] _everSynced = new bool[8];

    /// <summary>Creates a driver over <paramref name="catalog"/>, forwarding events to <paramref name="downstream"/> when given.</summary>
    public ReplayBookDriver(InstrumentCatalog catalog, IMarketEventSink? downstream = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _downstream = downstream;
    }

    /// <summary>The run's symbol table.</summary>
    public SymbolTable Symbols { get; } = new();

    /// <summary>The instruments.</summary>
    public InstrumentCatalog Catalog => _catalog;

    /// <summary>
    /// Registers <paramref name="symbol"/> (which must be in the catalog) with a book synced by <paramref name="venue"/>'s
    /// rules and returns its id. <paramref name="maxBuffered"/> bounds the Binance pre-snapshot buffer.
    /// </summary>
    public int AddSymbol(string symbol, ExchangeName venue, int maxBuffered = 20_000)
    {
        var spec = _catalog.Get(symbol);
        if (Symbols.TryGetId(symbol.AsSpan(), out int existing) && existing < _syncs.Length && _syncs[existing] is not null)
            throw new ArgumentException($"symbol '{symbol}' is already registered", nameof(symbol));
        int id = Symbols.GetOrAdd(symbol);
        if (id >= _syncs.Length)
        {
            int size = Math.Max(id + 1, _syncs.Length * 2);
            Array.Resize(ref _syncs, size);
            Array.Resize(ref _stats, size);
            Array.Resize(ref _everSynced, size);
        }
        var book = new OrderBook(spec, id);
        _syncs[id] = venue == ExchangeName.Binance ? new BinanceBookSynchronizer(book, maxBuffered) : new BybitBookSynchronizer(book);
        _stats[id] = new BookReplayStats();
        return id;
    }

    /// <summary>The book of <paramref name="symbolId"/>.</summary>
    public OrderBook Book(int symbolId) => Synchronizer(symbolId).Book;

    /// <summary>The synchronizer of <paramref name="symbolId"/>.</summary>
    public IBookSynchronizer Synchronizer(int symbolId) =>
        (uint)symbolId < (uint)_syncs.Length && _syncs[symbolId] is { } s ? s : throw new ArgumentOutOfRangeException(nameof(symbolId));

    /// <summary>The replay statistics of <paramref name="symbolId"/>.</summary>
    public BookReplayStats Stats(int symbolId) =>
        (uint)symbolId < (uint)_stats.Length && _stats[symbolId] is { } s ? s : throw new ArgumentOutOfRangeException(nameof(symbolId));

    /// <summary>What the synchronizer did with the last book message (any symbol).</summary>
    public BookSyncResult LastResult { get; private set; }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        int id = update.SymbolId;
        if ((uint)id < (uint)_syncs.Length && _syncs[id] is { } sync)
        {
            var stats = _stats[id]!;
            stats.Messages++;
            var result = sync.Apply(update);
            LastResult = result;
            switch (result)
            {
                case BookSyncResult.Applied:
                    stats.DeltasApplied++;
                    stats.LevelsApplied += update.Bids.Count + update.Asks.Count;
                    break;
                case BookSyncResult.Synced:
                    stats.Syncs++;
                    if (_everSynced[id]) stats.Resyncs++;
                    _everSynced[id] = true;
                    break;
                case BookSyncResult.Buffered: stats.Buffered++; break;
                case BookSyncResult.Ignored: stats.Ignored++; break;
                case BookSyncResult.Gap: stats.Gaps++; break;
                case BookSyncResult.Crossed: stats.CrossedDetected++; break;
                case BookSyncResult.StaleSnapshot: stats.StaleSnapshots++; break;
            }
            var book = sync.Book;
            if (book.IsValid && book.IsCrossed) stats.CrossedWhileValid++;
        }
        _downstream?.OnBook(update);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade) => _downstream?.OnTrade(trade);

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo) => _downstream?.OnBbo(bbo);

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker) => _downstream?.OnTicker(ticker);
}
