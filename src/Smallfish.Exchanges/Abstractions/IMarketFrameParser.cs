using Smallfish.Core.MarketData;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Turns one public WebSocket frame (exact bytes as received) into market events. Implemented by the zero-allocation
/// parsers in Smallfish.Wire (bound at composition); the stream clients only move bytes and timestamps. Must not
/// throw for malformed input: return <see cref="MarketFrameKind.Malformed"/>. The frame span is only valid during the call.
/// </summary>
public interface IMarketFrameParser
{
    /// <summary>Parses <paramref name="frame"/>, received at <paramref name="localTsNs"/> (ns since the Unix epoch), into <paramref name="sink"/>.</summary>
    MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink);
}
