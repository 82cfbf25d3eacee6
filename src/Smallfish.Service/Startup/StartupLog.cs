using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Startup;

/// <summary>Start-up messages: the mode banner and the secrets-file check.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "*** LIVE TRADING: REAL MONEY ON {Exchange} MAINNET *** smallfish {Version}, {Description}")]
    public static partial void LiveBanner(ILogger logger, string exchange, string version, string description);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "smallfish {Version} starting in {Mode} mode: {Description}")]
    public static partial void Banner(ILogger logger, string version, string mode, string description);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "paper trading: real public market data, simulated fills; nothing is sent to the exchange")]
    public static partial void PaperNote(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "secrets file {Path} is readable by group or others (mode {Mode}); make it private: owned by the service user, chmod 600")]
    public static partial void SecretsFileOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "config {ConfigDirectory}, data {DataDirectory}")]
    public static partial void Directories(ILogger logger, string configDirectory, string dataDirectory);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "smallfish stopped on an unexpected error")]
    public static partial void Crashed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "smallfish stopped")]
    public static partial void Stopped(ILogger logger);
}
