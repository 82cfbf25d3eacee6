using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Service.Hosting;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;
using CoreCatalog = Smallfish.Core.Instruments.InstrumentCatalog;

namespace Smallfish.Service.MarketData;

/// <summary>
/// The venues' zero-allocation public-frame parsers from Smallfish.Wire behind the gateways'
/// <see cref="IMarketFrameParser"/>, over the run's symbol table (same ids as <see cref="RunContext.Symbols"/>) and
/// instrument grids.
/// </summary>
public sealed class WireMarketFrameParserProvider(RunContext context) : IMarketFrameParserProvider
{
    /// <inheritdoc />
    public IMarketFrameParser? Create(ExchangeName exchange, IInstrumentLookup instruments)
    {
        var symbols = new SymbolTable();
        foreach (string symbol in context.Symbols) symbols.GetOrAdd(symbol);
        var catalog = new CoreCatalog(context.Instruments);
        if (exchange == ExchangeName.Binance)
        {
            var binance = new BinanceMarketDataParser(symbols, catalog);
            return new Adapter((json, localTsNs, sink) => binance.Parse(json, localTsNs, sink));
        }

        return new Adapter(new BybitMarketDataParser(symbols, catalog).Parse);
    }

    /// <summary>The gateways' frame kind of a Wire parse outcome.</summary>
    public static MarketFrameKind ToFrameKind(WireParseStatus status) => status switch
    {
        WireParseStatus.Ok => MarketFrameKind.Data,
        WireParseStatus.Ignored => MarketFrameKind.Control,
        WireParseStatus.Malformed => MarketFrameKind.Malformed,
        _ => MarketFrameKind.Unknown,
    };

    private delegate WireParseStatus ParseFrame(ReadOnlySpan<byte> json, long localTsNs, IMarketEventSink sink);

    private sealed class Adapter : IMarketFrameParser
    {
        private readonly ParseFrame _parse;

        public Adapter(ParseFrame parse) => _parse = parse;

        public MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink) => ToFrameKind(_parse(frame, localTsNs, sink));
    }
}
