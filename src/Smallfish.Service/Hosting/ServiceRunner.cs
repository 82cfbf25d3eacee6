using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Logging;
using Smallfish.Service.Offline;
using Smallfish.Service.Startup;
using Smallfish.Service.Symbols;
using Smallfish.Service.Systemd;

namespace Smallfish.Service.Hosting;

/// <summary>
/// Runs the service: loads and validates configuration, chooses the run mode, builds the Generic Host and runs it
/// until SIGTERM or Ctrl+C. Exit codes: 0 after a clean stop, 2 for configuration errors (one line each, nothing
/// started), 1 when the host fails.
/// </summary>
public static class ServiceRunner
{
    /// <summary>Exit code of a clean stop.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a failed start or run.</summary>
    public const int ExitFailed = 1;

    /// <summary>Runs the service for <paramref name="request"/>.</summary>
    public static async Task<int> RunAsync(ServiceRunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        LoadedSmallfishConfiguration loaded;
        RunMode mode;
        try
        {
            loaded = SmallfishConfiguration.Load(request.Configuration);
            mode = RunModeResolver.Resolve(loaded.Options, request.Mode);
            ServicePreflight.Check(loaded.Options);
        }
        catch (ConfigurationErrors errors)
        {
            return ConfigurationErrorReporter.Report(errors, error);
        }

        OfflineVenue? offline = null;
        if (mode == RunMode.Offline)
        {
            try
            {
                offline = await OfflineVenue.StartAsync(loaded.Options, request.Mode.ReplayPath, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }
        }

        try
        {
            SymbolSelection selection;
            try
            {
                selection = await SymbolBootstrap.ResolveAsync(loaded.Options, mode, new ExchangeClientFactory(), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }

            return await RunHostAsync(loaded, mode, selection, request, output, error, offline, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Normally the host stopped it already; this covers a host that never started.
            if (offline is not null) await offline.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> RunHostAsync(LoadedSmallfishConfiguration loaded, RunMode mode, SymbolSelection selection, ServiceRunRequest request, TextWriter output,
        TextWriter error, OfflineVenue? offline, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string?> environment = request.Configuration.Environment;
        var context = new RunContext(loaded.Options, mode, loaded.ConfigDirectory, loaded.Scrubber, environment, selection);
        using var notifier = SystemdNotifier.FromEnvironment(environment, Environment.ProcessId);
        bool dashboard = loaded.Options.Dashboard.Enabled && !Console.IsOutputRedirected;
        var console = dashboard ? null : new ConsoleLogTarget(output, ConsoleLogTarget.IsUnderSystemd(environment));

        IHost host;
        try
        {
            Directory.CreateDirectory(context.DataDirectory);
            host = BuildHost(context, loaded, notifier, console, dashboard, offline);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"smallfish: cannot use the data directory {context.DataDirectory}: {ex.GetType().Name}; nothing was started");
            return ExitFailed;
        }

        using (host)
        {
            ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Smallfish.Service");
            LogStart(logger, context);
            try
            {
                // Not RunAsync: it disposes the host, and with it the loggers, before the last line is written.
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                StartupLog.Stopped(logger);
                return ExitOk;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                StartupLog.Crashed(logger, ex);
                notifier.Notify(SystemdNotifier.Status("failed: " + ex.GetType().Name));
                return ExitFailed;
            }
        }
    }

    private static IHost BuildHost(RunContext context, LoadedSmallfishConfiguration loaded, SystemdNotifier notifier, ConsoleLogTarget? console, bool dashboard,
        OfflineVenue? offline)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "smallfish",
            ContentRootPath = context.DataDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(loaded.Configuration);
        ServiceLogging.Configure(builder.Logging, loaded.Options.Service, context.DataDirectory, loaded.Scrubber, console);
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = TimeSpan.FromSeconds(loaded.Options.Service.ShutdownTimeoutSeconds);
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSmallfish(builder.Configuration);
        builder.Services.AddSmallfishService(context, notifier, dashboard, offline);
        return builder.Build();
    }

    private static void LogStart(ILogger logger, RunContext context)
    {
        if (context.Mode == RunMode.Live) StartupLog.LiveBanner(logger, context.ExchangeName.ToUpperInvariant(), context.Version, context.Describe());
        else StartupLog.Banner(logger, context.Version, context.Mode.ToString().ToLowerInvariant(), context.Describe());
        if (context.Mode == RunMode.Paper) StartupLog.PaperNote(logger);
        StartupLog.Directories(logger, context.ConfigDirectory, context.DataDirectory);
        foreach (SecretsFileWarning warning in SecretsFilePermissions.Check([context.ConfigDirectory, context.DataDirectory]))
        {
            StartupLog.SecretsFileOpen(logger, warning.Path, warning.Octal);
        }

        SymbolSelectionLog.Write(logger, context);
    }
}
