using Microsoft.Extensions.Logging;

namespace Smallfish.Service.MarketData;

/// <summary>Log messages of the market-data service.</summary>
internal static partial class MarketDataLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "no market-frame parser for {Exchange} in this build: market data is not started (the feed will be reported stale)")]
    public static partial void NoParser(ILogger logger, string exchange);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "{Symbol} has no instrument grid (Smallfish:Instruments:{Symbol}); it is not subscribed")]
    public static partial void NoInstrument(ILogger logger, string symbol);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "market data: {Exchange}, {Subscriptions} public streams from {Url}")]
    public static partial void Started(ILogger logger, string exchange, int subscriptions, string url);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "market data stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 404, Level = LogLevel.Error, Message = "closing the market-data streams failed")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 405, Level = LogLevel.Information, Message = "{Kind} connection {Id}: {State} {Detail}")]
    public static partial void Connection(ILogger logger, int id, string kind, string state, string detail);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information, Message = "resync of {Symbol}: {Reason}")]
    public static partial void Resync(ILogger logger, string symbol, string reason);

    [LoggerMessage(EventId = 407, Level = LogLevel.Warning, Message = "engine queue full: a book message of {Symbol} was dropped ({Dropped} market events dropped so far); resyncing its book")]
    public static partial void OverflowResync(ILogger logger, string symbol, long dropped);

    [LoggerMessage(EventId = 409, Level = LogLevel.Error, Message = "market data for {Exchange} could not be started; the feed will be reported stale")]
    public static partial void StartFailed(ILogger logger, string exchange, Exception exception);

    [LoggerMessage(EventId = 408, Level = LogLevel.Error, Message = "book resync of {Symbol} failed")]
    public static partial void ResyncFailed(ILogger logger, string symbol, Exception exception);
}
