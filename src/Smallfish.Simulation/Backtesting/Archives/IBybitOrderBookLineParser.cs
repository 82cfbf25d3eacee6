using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// SEAM, bound at merge: parses one line of a Bybit order-book archive (<c>{date}_{SYMBOL}_ob{depth}.data</c>), which
/// is exactly a V5 WebSocket <c>orderbook.{depth}.{symbol}</c> snapshot/delta message, and pushes its
/// <see cref="BookUpdate"/> to the sink. The implementation is an adapter over Smallfish.Wire's
/// <c>BybitMarketDataParser.Parse(json, localTsNs, sink)</c> (the official WebSocket parser; this project deliberately
/// has no second one). The archive has no local receive time: the adapter passes the message's exchange time (or a
/// modelled latency on top).
/// </summary>
public interface IBybitOrderBookLineParser
{
    /// <summary>Parses <paramref name="line"/> and pushes its events; returns null on success, else why the line was rejected.</summary>
    string? Parse(ReadOnlySpan<byte> line, IMarketEventSink sink);
}
