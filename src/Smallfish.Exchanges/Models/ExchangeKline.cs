namespace Smallfish.Exchanges.Models;

/// <summary>One candle. Lists of candles are always returned oldest first (Bybit sends newest first; it is reversed).</summary>
/// <param name="OpenTimeMs">Open time, ms since the Unix epoch.</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close (or last, for an unclosed candle) price.</param>
/// <param name="Volume">Base-asset volume.</param>
/// <param name="QuoteVolume">Quote-asset volume (turnover).</param>
public sealed record ExchangeKline(long OpenTimeMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal QuoteVolume);
