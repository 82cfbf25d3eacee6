using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// Binds the zero-allocation market-data parsers of Smallfish.Wire to the stream clients' <see cref="IMarketFrameParser"/>:
/// the same parsers the replay readers and the emulator tests use, so live frames and recorded frames are read by one
/// piece of code. The symbol table must be the one whose ids the engine and the REST client use.
/// </summary>
public sealed class WireMarketFrameParser : IMarketFrameParser
{
    private readonly BybitMarketDataParser? _bybit;
    private readonly BinanceMarketDataParser? _binance;

    /// <summary>Creates the parser for <paramref name="kind"/> over the given symbol ids and instrument grids.</summary>
    public WireMarketFrameParser(ExchangeKind kind, SymbolTable symbols, Smallfish.Core.Instruments.InstrumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(catalog);
        if (kind == ExchangeKind.Bybit) _bybit = new BybitMarketDataParser(symbols, catalog);
        else _binance = new BinanceMarketDataParser(symbols, catalog);
    }

    /// <summary>What the underlying parser has seen (messages by kind, skipped, malformed).</summary>
    public WireParserCounters Counters => _bybit?.Counters ?? _binance!.Counters;

    /// <inheritdoc />
    public MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink) =>
        (_bybit is not null ? _bybit.Parse(frame, localTsNs, sink) : _binance!.Parse(frame, localTsNs, sink)) switch
        {
            WireParseStatus.Ok => MarketFrameKind.Data,
            WireParseStatus.Ignored => MarketFrameKind.Control,
            WireParseStatus.Malformed => MarketFrameKind.Malformed,
            _ => MarketFrameKind.Unknown,
        };
}
