using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Streams a Bybit order-book archive (<c>{YYYY-MM-DD}_{SYMBOL}_ob{depth}.data.zip</c>, JSON Lines of V5 WebSocket
/// book messages; about 1.6 GB unzipped per BTCUSDT day, never loaded whole) one line per call through the
/// <see cref="IBybitOrderBookLineParser"/> seam. The zip member's CRC is checked as it is read.
/// </summary>
public sealed class BybitOrderBookArchiveReader : IArchiveReader
{
    private readonly ArchiveLineReader _lines;
    private readonly IBybitOrderBookLineParser _parser;
    private readonly CountingSink _counting = new();

    /// <summary>Opens <paramref name="path"/> (zip, gzip or plain JSON Lines) with <paramref name="parser"/>.</summary>
    public BybitOrderBookArchiveReader(string path, IBybitOrderBookLineParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
        _lines = new ArchiveLineReader(ArchiveFile.OpenContent(path), path);
    }

    /// <inheritdoc />
    public ArchiveReadCounters Counters { get; } = new();

    /// <inheritdoc />
    public bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_lines.MoveNext()) return false;
        Counters.Lines++;
        if (_lines.Current.IsEmpty)
        {
            Counters.IgnoredLines++;
            return true;
        }
        _counting.Inner = sink;
        _counting.Counters = Counters;
        string? error = _parser.Parse(_lines.Current, _counting);
        if (error is not null) throw new ArchiveDataException(_lines.Path, _lines.LineNumber, error);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private sealed class CountingSink : IMarketEventSink
    {
        public IMarketEventSink Inner = null!;
        public ArchiveReadCounters Counters = null!;

        public void OnBook(BookUpdate update)
        {
            Counters.Pushed(update.ExchTsNs);
            Inner.OnBook(update);
        }

        public void OnTrade(in TradeEvent trade)
        {
            Counters.Pushed(trade.ExchTsNs);
            Inner.OnTrade(trade);
        }

        public void OnBbo(in BboEvent bbo)
        {
            Counters.Pushed(bbo.ExchTsNs);
            Inner.OnBbo(bbo);
        }

        public void OnTicker(in TickerEvent ticker)
        {
            Counters.Pushed(ticker.ExchTsNs);
            Inner.OnTicker(ticker);
        }
    }
}
