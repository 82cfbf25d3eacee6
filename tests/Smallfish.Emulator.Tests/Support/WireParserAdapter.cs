using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>The official wire parser of a venue over any symbol table (the recordings bring their own instruments).</summary>
internal sealed class WireParserAdapter : IMarketFrameParser
{
    private readonly Func<ReadOnlySpan<byte>, long, IMarketEventSink, WireParseStatus> _parse;

    public WireParserAdapter(BybitMarketDataParser parser) => _parse = (f, t, s) => parser.Parse(f, t, s);

    public WireParserAdapter(BinanceMarketDataParser parser) => _parse = (f, t, s) => parser.Parse(f, t, s);

    public MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink) => _parse(frame, localTsNs, sink) switch
    {
        WireParseStatus.Ok => MarketFrameKind.Data,
        WireParseStatus.Ignored => MarketFrameKind.Control,
        WireParseStatus.Malformed => MarketFrameKind.Malformed,
        _ => MarketFrameKind.Unknown,
    };
}
