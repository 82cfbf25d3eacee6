using Microsoft.Extensions.Logging;

namespace Smallfish.Exchanges.Logging;

/// <summary>REST log messages. Paths only: query strings and bodies of signed requests are never logged.</summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Exchange} {Method} {Path} failed: http={Status} code={Code} reject={Reject} transient={Transient}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string exchange, string method, string path, int status, int? code, string reject, bool transient, string detail);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Exchange} {Method} {Path}: no answer ({Failure}) after {ElapsedMs} ms")]
    public static partial void NoAnswer(ILogger logger, string exchange, string method, string path, string failure, long elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "{Exchange} server time offset {OffsetMs} ms, round trip {RttMs} ms")]
    public static partial void TimeSynced(ILogger logger, string exchange, long offsetMs, long rttMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "{Exchange} {Path}: timestamp outside the receive window; resyncing the clock and retrying once")]
    public static partial void TimestampRejected(ILogger logger, string exchange, string path);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{Exchange} rate limited on {Key}; requests paused for {WaitMs} ms")]
    public static partial void RateLimited(ILogger logger, string exchange, string key, long waitMs);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "{Exchange} placement {ClientOrderId}: outcome unknown ({Detail}); looking it up by client id")]
    public static partial void PlacementUnknown(ILogger logger, string exchange, string clientOrderId, string detail);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "{Exchange} placement {ClientOrderId}: found on the exchange (status {Status}); not resent")]
    public static partial void PlacementRecovered(ILogger logger, string exchange, string clientOrderId, string status);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "{Exchange} placement {ClientOrderId}: not on the exchange; sending it once more")]
    public static partial void PlacementResent(ILogger logger, string exchange, string clientOrderId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "{Exchange} circuit breaker opened for {BreakMs} ms after repeated transient failures")]
    public static partial void CircuitOpened(ILogger logger, string exchange, long breakMs);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "{Exchange} retrying {Path} (attempt {Attempt}) in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string exchange, string path, int attempt, long delayMs);
}
