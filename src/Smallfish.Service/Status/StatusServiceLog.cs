using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Status;

/// <summary>Log messages of the status service.</summary>
internal static partial class StatusServiceLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "status endpoint at {Address}status (also /health, /metrics)")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "status endpoint could not listen on {Address}:{Port}; trading goes on without it")]
    public static partial void BindFailed(ILogger logger, string address, int port, Exception exception);
}
