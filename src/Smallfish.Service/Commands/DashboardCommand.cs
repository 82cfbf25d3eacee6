using System.CommandLine;
using System.Globalization;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;
using Smallfish.Monitoring.Dashboard;
using Spectre.Console;

namespace Smallfish.Service.Commands;

/// <summary><c>smallfish dashboard [--url URL]</c>: the terminal dashboard of a running service.</summary>
internal static class DashboardCommand
{
    public static Command Create(Func<ParseResult, SmallfishConfigurationRequest> request, TextWriter error)
    {
        var url = new Option<string?>("--url")
        {
            Description = "Status address of the service (default: http://<Status:BindAddress>:<Status:Port>/status from the configuration).",
            HelpName = "url",
        };
        var command = new Command("dashboard", "Show the 2x2 terminal dashboard of a running smallfish service, read from its loopback status endpoint. Ctrl+C exits.")
        {
            url,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            SmallfishOptions options;
            try
            {
                options = SmallfishConfiguration.Load(request(result)).Options;
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }

            string address = result.GetValue(url) ?? DefaultUrl(options.Status);
            if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? statusUri) || (statusUri.Scheme != Uri.UriSchemeHttp && statusUri.Scheme != Uri.UriSchemeHttps))
            {
                error.WriteLine($"smallfish: --url '{address}' is not an http(s) address");
                return 2;
            }

            using var http = StatusHttpClient.Create();
            using var stop = new ConsoleCancellation();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            var client = new DashboardClient(http, statusUri, AnsiConsole.Console, DashboardClientOptions.From(options.Dashboard));
            await client.RunAsync(linked.Token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The status address the configuration describes.</summary>
    public static string DefaultUrl(StatusOptions status)
    {
        string host = status.BindAddress.Contains(':', StringComparison.Ordinal) ? "[" + status.BindAddress + "]" : status.BindAddress;
        if (host is "0.0.0.0") host = "127.0.0.1";
        return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{status.Port}/status");
    }
}
