using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Trading;

/// <summary>Log messages of the order path and the start-up reconciliation.</summary>
internal static partial class TradingLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "order path: {Path}")]
    public static partial void OrderPath(ILogger logger, string path);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "{Kind} {ClientOrderId} on {Symbol} refused by the exchange: {Reason} {Message}")]
    public static partial void Refused(ILogger logger, string kind, string clientOrderId, string symbol, string reason, string message);

    [LoggerMessage(EventId = 902, Level = LogLevel.Error, Message = "{Kind} {ClientOrderId} on {Symbol} failed in the sender")]
    public static partial void SendFailed(ILogger logger, string kind, string clientOrderId, string symbol, Exception exception);

    [LoggerMessage(EventId = 903, Level = LogLevel.Information, Message = "reconciliation: {Report}")]
    public static partial void Reconciled(ILogger logger, string report);

    [LoggerMessage(EventId = 904, Level = LogLevel.Warning, Message = "reconciliation warning: {Warning}")]
    public static partial void ReconcileWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 905, Level = LogLevel.Information, Message = "start-up: run {Run}, equity {Equity}, {Positions} exchange positions, {Orders} open orders, {Executions} recent executions")]
    public static partial void StartupRead(ILogger logger, long run, decimal equity, int positions, int orders, int executions);

    [LoggerMessage(EventId = 906, Level = LogLevel.Warning, Message = "order sender: {Pending} commands were still queued at stop")]
    public static partial void SenderAbandoned(ILogger logger, int pending);

    [LoggerMessage(EventId = 907, Level = LogLevel.Information, Message = "private stream {State}: {Detail}")]
    public static partial void PrivateConnection(ILogger logger, string state, string detail);

    [LoggerMessage(EventId = 908, Level = LogLevel.Error, Message = "start-up: positions and open orders kept changing through {Rounds} reads; reconciling with the last read (a fill between the reads may be missing from the position taken over)")]
    public static partial void StartupReadUnsettled(ILogger logger, int rounds);

    [LoggerMessage(EventId = 909, Level = LogLevel.Error, Message = "placement {ClientOrderId} on {Symbol} not sent: its journal record could not be made durable")]
    public static partial void NotDurable(ILogger logger, string clientOrderId, string symbol, Exception exception);

    [LoggerMessage(EventId = 912, Level = LogLevel.Information, Message = "private stream resync ({Reason}): {Fills} executions (repeats of booked ones are ignored) and {Orders} missed order states handed to the engine")]
    public static partial void Resynced(ILogger logger, string reason, int fills, int orders);

    [LoggerMessage(EventId = 913, Level = LogLevel.Warning, Message = "private stream resync ({Reason}) could not read the venue, entries stay held: {Failure}")]
    public static partial void ResyncFailed(ILogger logger, string reason, string failure);

    [LoggerMessage(EventId = 914, Level = LogLevel.Warning, Message = "after the private stream resync the engine holds {EngineLots} lots of {Symbol}, the venue {VenueLots}")]
    public static partial void ResyncPositionDiffers(ILogger logger, string symbol, long engineLots, long venueLots);

    [LoggerMessage(EventId = 915, Level = LogLevel.Warning, Message = "{ClientOrderId} on {Symbol} refused as reduce-only: reading the venue's executions and position back before reporting it")]
    public static partial void ReduceOnlyRefused(ILogger logger, string clientOrderId, string symbol);
}
