using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Logging;

/// <summary>Sets up the service's logging: the journald console logger and the rolling files, both redacting secrets.</summary>
public static class ServiceLogging
{
    /// <summary>File name pattern of the rolling logs (Serilog inserts the date before the extension).</summary>
    public const string FileNamePattern = "smallfish-.log";

    /// <summary>The directory of the rolling logs under <paramref name="dataDirectory"/>.</summary>
    public static string LogDirectory(string dataDirectory) => Path.Combine(dataDirectory, "logs");

    /// <summary>
    /// Replaces the providers of <paramref name="logging"/> with the console logger (unless <paramref name="console"/>
    /// is null, e.g. while the dashboard owns the terminal) and, when enabled, the rolling files under the data
    /// directory, at the configured level.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, ServiceOptions service, string dataDirectory, SecretScrubber scrubber, ConsoleLogTarget? console)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(service);
        logging.ClearProviders();
        LogLevel level = ToLogLevel(service.LogLevel);
        logging.SetMinimumLevel(level);
        // Framework chatter (Kestrel, hosting, HttpClient) only from warnings up, unless debugging.
        if (level > LogLevel.Debug)
        {
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddFilter("System.Net.Http", LogLevel.Warning);
        }

        if (console is not null) logging.AddProvider(new JournaldConsoleLoggerProvider(console, scrubber));
        if (!service.FileLogs) return;

        // Serilog's provider bypasses the filters above (it registers its own catch-all rule), so repeat them here.
        var configuration = new LoggerConfiguration().MinimumLevel.Is(ToSerilogLevel(service.LogLevel));
        if (level > LogLevel.Debug)
        {
            configuration = configuration.MinimumLevel.Override("Microsoft", LogEventLevel.Warning).MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning);
        }

        Serilog.Core.Logger files = configuration
            .WriteTo.Async(sink => sink.File(
                new RedactingTextFormatter(scrubber),
                Path.Combine(LogDirectory(dataDirectory), FileNamePattern),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: service.FileLogRetainedDays,
                flushToDiskInterval: TimeSpan.FromSeconds(1)))
            .CreateLogger();
        logging.AddSerilog(files, dispose: true);
    }

    /// <summary>The Microsoft.Extensions.Logging level of a configured level.</summary>
    public static LogLevel ToLogLevel(ServiceLogLevel level) => level switch
    {
        ServiceLogLevel.Trace => LogLevel.Trace,
        ServiceLogLevel.Debug => LogLevel.Debug,
        ServiceLogLevel.Warning => LogLevel.Warning,
        ServiceLogLevel.Error => LogLevel.Error,
        ServiceLogLevel.Critical => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    private static LogEventLevel ToSerilogLevel(ServiceLogLevel level) => level switch
    {
        ServiceLogLevel.Trace => LogEventLevel.Verbose,
        ServiceLogLevel.Debug => LogEventLevel.Debug,
        ServiceLogLevel.Warning => LogEventLevel.Warning,
        ServiceLogLevel.Error => LogEventLevel.Error,
        ServiceLogLevel.Critical => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };
}
