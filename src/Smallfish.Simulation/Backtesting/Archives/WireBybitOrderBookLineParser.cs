using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire;
using Smallfish.Wire.Bybit;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// The <see cref="IBybitOrderBookLineParser"/> seam bound to Smallfish.Wire's <see cref="BybitMarketDataParser"/>: a
/// line of a Bybit order-book archive is exactly a V5 <c>orderbook.{depth}.{symbol}</c> WebSocket message. The archive
/// has no local receive time, so each event's local time is set to its exchange time (the venue's latency model adds
/// the delay).
/// </summary>
public sealed class WireBybitOrderBookLineParser : IBybitOrderBookLineParser
{
    private readonly BybitMarketDataParser _parser;
    private readonly LocalTimeSink _sink = new();

    /// <summary>Creates the parser for the symbols of <paramref name="symbols"/> with grids from <paramref name="catalog"/>.</summary>
    public WireBybitOrderBookLineParser(SymbolTable symbols, InstrumentCatalog catalog) => _parser = new BybitMarketDataParser(symbols, catalog);

    /// <inheritdoc />
    public string? Parse(ReadOnlySpan<byte> line, IMarketEventSink sink)
    {
        _sink.Inner = sink;
        return _parser.Parse(line, 0, _sink) switch
        {
            WireParseStatus.Ok or WireParseStatus.Ignored => null,
            WireParseStatus.Malformed => _parser.LastError ?? "malformed order-book message",
            _ => "not an order-book message of a known symbol",
        };
    }

    private sealed class LocalTimeSink : IMarketEventSink
    {
        public IMarketEventSink Inner = null!;

        public void OnBook(BookUpdate update)
        {
            update.LocalTsNs = update.ExchTsNs;
            Inner.OnBook(update);
        }

        public void OnTrade(in TradeEvent trade) => Inner.OnTrade(trade with { LocalTsNs = trade.ExchTsNs });

        public void OnBbo(in BboEvent bbo) => Inner.OnBbo(bbo with { LocalTsNs = bbo.ExchTsNs });

        public void OnTicker(in TickerEvent ticker) => Inner.OnTicker(ticker with { LocalTsNs = ticker.ExchTsNs });
    }
}
