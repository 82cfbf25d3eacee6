using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Remote;

/// <summary>Log messages of the remote-control service.</summary>
internal static partial class RemoteLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Telegram remote control on ({Chats} allowed chats)")]
    public static partial void TelegramOn(ILogger logger, int chats);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "email alerts on ({Recipients} recipients)")]
    public static partial void EmailOn(ILogger logger, int recipients);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "{Transport} stopped with an error; trading is unaffected")]
    public static partial void TransportFailed(ILogger logger, string transport, Exception exception);

    [LoggerMessage(EventId = 603, Level = LogLevel.Error, Message = "alert {Subject} could not be queued")]
    public static partial void AlertFailed(ILogger logger, string subject, Exception exception);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "remote control did not stop in time")]
    public static partial void StopTimedOut(ILogger logger);
}
