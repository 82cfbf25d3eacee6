using System.Globalization;
using Smallfish.Core.Instruments;
using Smallfish.Emulator;
using Smallfish.Emulator.Feed;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Venue;

/// <summary>Starts the emulator with the chosen feed, prints where it listens, and serves until cancelled.</summary>
internal static class VenueRunner
{
    public static async Task<int> RunAsync(VenueSettings s, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = new VenueEmulatorOptions
        {
            Surfaces = s.Surfaces,
            Host = s.Host,
            Port = s.Port,
            AllowNonLoopback = s.AllowNonLoopback,
            ApiKey = s.ApiKey,
            ApiSecret = s.ApiSecret,
            InitialBalance = s.Balance,
        };
        IMarketFeedSource feed;
        try
        {
            if (s.ReplayPath is not null)
            {
                var recording = MarketFeeds.OpenRecording(s.ReplayPath);
                foreach (var spec in recording.Instruments) options.Instruments.Add(spec);
                options.FeedBookSync = recording.BookSync;
                feed = recording.Source;
            }
            else
            {
                var spec = new InstrumentSpec(s.Symbol, 0.1m, 0.001m, 0.001m, 5m);
                options.Instruments.Add(spec);
                feed = MarketFeeds.Synthetic(new SyntheticMarketOptions
                {
                    Seed = s.Seed,
                    Instrument = spec,
                    InitialPrice = s.Price,
                    Duration = s.Duration,
                });
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
        {
            error.WriteLine("smallfish-venue: " + ex.Message);
            return 2;
        }

        VenueEmulator emulator;
        try
        {
            emulator = await VenueEmulator.StartAsync(options, feed, ct: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException)
        {
            error.WriteLine("smallfish-venue: " + ex.Message.Replace('\n', ' '));
            return 2;
        }
        await using (emulator.ConfigureAwait(false))
        {
            Print(emulator, options, feed, s, output);
            emulator.Feed.Start(s.Speed == 0 ? double.PositiveInfinity : s.Speed);
            bool announced = false;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
                    if (announced || !emulator.Feed.IsFinished || emulator.Feed.IsRunning) continue;
                    announced = true;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"feed finished after {emulator.Feed.EventsReleased} events; still serving (Ctrl+C to stop)"));
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C
            }
            output.WriteLine("stopping");
        }
        return 0;
    }

    private static void Print(VenueEmulator emulator, VenueEmulatorOptions options, IMarketFeedSource feed, VenueSettings s, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("smallfish-venue listening on " + emulator.BaseUri.ToString().TrimEnd('/'));
        if (options.Surfaces.HasFlag(EmulatorSurfaces.Bybit))
        {
            var e = emulator.Endpoints(ExchangeKind.Bybit);
            output.WriteLine($"bybit   rest {e.RestBaseUrl.ToString().TrimEnd('/')}  public {e.PublicWsUrl}  private {e.PrivateWsUrl}");
        }
        if (options.Surfaces.HasFlag(EmulatorSurfaces.Binance))
        {
            var e = emulator.Endpoints(ExchangeKind.Binance);
            output.WriteLine($"binance rest {e.RestBaseUrl.ToString().TrimEnd('/')}  public {e.PublicWsUrl}  market {e.MarketWsUrl}  private {e.PrivateWsUrl}");
        }
        output.WriteLine("api key " + options.ApiKey + " (secret as configured, not shown)");
        output.WriteLine("symbols " + string.Join(", ", options.Instruments.Select(i => string.Create(inv, $"{i.Symbol} (tick {i.TickSize}, step {i.QtyStep})"))));
        output.WriteLine("feed " + feed.Description + (s.Speed == 0 ? " as fast as possible" : string.Create(inv, $" at {s.Speed}x")));
    }
}
