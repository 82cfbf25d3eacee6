using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>
/// Binds the official Smallfish.Wire market-data parsers to the stream clients' <see cref="IMarketFrameParser"/>
/// (the composition the service does): parse status to frame kind, nothing else.
/// </summary>
internal sealed class WireFrameParser : IMarketFrameParser
{
    private readonly BybitMarketDataParser? _bybit;
    private readonly BinanceMarketDataParser? _binance;

    public WireFrameParser(ExchangeKind kind)
    {
        var (symbols, catalog) = TestInstruments.Wire();
        if (kind == ExchangeKind.Bybit) _bybit = new BybitMarketDataParser(symbols, catalog);
        else _binance = new BinanceMarketDataParser(symbols, catalog);
    }

    public WireParserCounters Counters => _bybit?.Counters ?? _binance!.Counters;

    public MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink) =>
        (_bybit is not null ? _bybit.Parse(frame, localTsNs, sink) : _binance!.Parse(frame, localTsNs, sink)) switch
        {
            WireParseStatus.Ok => MarketFrameKind.Data,
            WireParseStatus.Ignored => MarketFrameKind.Control,
            WireParseStatus.Malformed => MarketFrameKind.Malformed,
            _ => MarketFrameKind.Unknown,
        };
}
