using System.CommandLine;
using System.Globalization;
using Smallfish.Hosting.Configuration;
using Smallfish.Service.Bench;

namespace Smallfish.Service.Commands;

/// <summary><c>smallfish bench latency</c>: book frame to order bytes through the service's own host, over loopback.</summary>
internal static class BenchCommand
{
    public static Command Create(Func<ParseResult, SmallfishConfigurationRequest> request, TextWriter output, TextWriter error)
    {
        var seconds = new Option<double>("--seconds") { Description = "How long to trade against the emulator (default 20).", DefaultValueFactory = _ => 20.0 };
        var speed = new Option<double>("--speed") { Description = "Feed speed: 1 = real time (default), 10 = ten times faster.", DefaultValueFactory = _ => 1.0 };
        var replay = new Option<string?>("--replay") { Description = "Feed the emulator from this recording (hftbacktest Binance .gz or cryptofeed Bybit .jsonl.gz); default: the synthetic generator.", HelpName = "path" };
        var latency = new Command("latency",
            "The service's engine (a loose trading profile, overridable with --set) against the in-process loopback venue emulator: time from a book frame's receipt to the first bytes of the order request it caused, p50/p99/p99.9 in microseconds. The journal goes to a temporary directory.")
        {
            seconds,
            speed,
            replay,
        };
        latency.SetAction(async (result, _) =>
        {
            SmallfishConfigurationRequest built;
            try
            {
                built = request(result);
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }

            double s = result.GetValue(seconds);
            if (s <= 0 || s > 3600)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smallfish: --seconds = '{s}': must be above 0 and at most 3600"));
                return 2;
            }

            return await LatencyBenchmark.RunAsync(built, result.GetValue(replay), TimeSpan.FromSeconds(s), result.GetValue(speed), output, error).ConfigureAwait(false);
        });
        return new Command("bench", "Benchmarks.") { latency };
    }
}
