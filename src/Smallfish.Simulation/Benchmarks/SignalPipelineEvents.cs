using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// One symbol's market events parsed ahead of time for <see cref="SignalBenchmark"/>: its book messages (packed, replayed
/// into one reusable buffer as a parser fills it) and its trades, in arrival order. Other symbols' events, quotes and
/// tickers are left out.
/// </summary>
public sealed class SignalPipelineEvents
{
    private SignalPipelineEvents(string name, InstrumentSpec spec, ExchangeName venue, List<BookUpdate> books, List<TradeEvent> trades, List<int> order)
    {
        Name = name;
        Spec = spec;
        Venue = venue;
        Books = new PackedBookMessages(books);
        Trades = [.. trades];
        Order = [.. order];
        long first = long.MaxValue, last = long.MinValue;
        foreach (var b in books)
        {
            first = Math.Min(first, b.ExchTsNs);
            last = Math.Max(last, b.ExchTsNs);
        }
        foreach (var t in trades)
        {
            first = Math.Min(first, t.ExchTsNs);
            last = Math.Max(last, t.ExchTsNs);
        }
        SpanNs = Order.Length == 0 ? 0 : last - first;
    }

    /// <summary>What the events are (source and symbol).</summary>
    public string Name { get; }

    /// <summary>The instrument.</summary>
    public InstrumentSpec Spec { get; }

    /// <summary>The venue whose book rules apply.</summary>
    public ExchangeName Venue { get; }

    /// <summary>Book messages and trades.</summary>
    public int Count => Order.Length;

    /// <summary>Book messages.</summary>
    public int BookCount => Books.Count;

    /// <summary>Trades.</summary>
    public int TradeCount => Trades.Length;

    /// <summary>Exchange time from the first to the last event, ns.</summary>
    public long SpanNs { get; }

    internal PackedBookMessages Books { get; }

    internal TradeEvent[] Trades { get; }

    /// <summary>Arrival order: i &gt;= 0 = book message i, i &lt; 0 = trade ~i.</summary>
    internal int[] Order { get; }

    /// <summary>Reads <paramref name="reader"/> to its end, keeping the book messages and trades of <paramref name="symbolId"/>.</summary>
    public static SignalPipelineEvents Capture(string name, IReplayReader reader, InstrumentSpec spec, ExchangeName venue, int symbolId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sink = new CaptureSink(symbolId);
        reader.ReadAll(sink);
        return new SignalPipelineEvents(name, spec, venue, sink.Books, sink.Trades, sink.Order);
    }

    /// <summary>One symbol's hftbacktest Binance USD-M session (its files in date order); the grid comes from <see cref="RecordedInstruments.BinanceUsdm"/>.</summary>
    public static SignalPipelineEvents FromHftBacktest(HftBacktestSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        int id = symbols.GetOrAdd(session.Symbol);
        using var reader = new HftBacktestBinanceReader(session.Files, symbols, catalog, session.Symbol);
        return Capture($"binance-usdm hftbacktest {session.Symbol} {Path.GetFileName(session.Files[0])}", reader, catalog.Get(session.Symbol), ExchangeName.Binance, id);
    }

    /// <summary>One linear symbol of the cryptofeed Bybit v5 recording; the grid comes from the recording's instrument lines.</summary>
    public static SignalPipelineEvents FromCryptofeedBybit(string file, string symbol)
    {
        var catalog = new InstrumentCatalog(CryptofeedBybitReader.ReadInstrumentSpecs(file));
        var symbols = new SymbolTable();
        foreach (var spec in catalog) symbols.GetOrAdd(spec.Symbol);
        if (!symbols.TryGetId(symbol.AsSpan(), out int id)) throw new ArgumentException($"the recording has no linear instrument '{symbol}'", nameof(symbol));
        using var reader = new CryptofeedBybitReader(file, symbols, catalog);
        return Capture($"bybit-v5 cryptofeed {symbol}", reader, catalog.Get(symbol), ExchangeName.Bybit, id);
    }

    private sealed class CaptureSink(int symbolId) : IMarketEventSink
    {
        public readonly List<BookUpdate> Books = [];
        public readonly List<TradeEvent> Trades = [];
        public readonly List<int> Order = [];

        public void OnBook(BookUpdate update)
        {
            if (update.SymbolId != symbolId) return;
            var copy = new BookUpdate();
            copy.CopyFrom(update);
            Order.Add(Books.Count);
            Books.Add(copy);
        }

        public void OnTrade(in TradeEvent trade)
        {
            if (trade.SymbolId != symbolId) return;
            Order.Add(~Trades.Count);
            Trades.Add(trade);
        }

        public void OnBbo(in BboEvent bbo)
        {
        }

        public void OnTicker(in TickerEvent ticker)
        {
        }
    }
}
