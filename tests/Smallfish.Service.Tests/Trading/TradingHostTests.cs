using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Journal;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;

namespace Smallfish.Service.Tests.Trading;

/// <summary>
/// The service's real host with the real trading engine, trading against the loopback venue emulator that replays a
/// real recording: in paper mode (public data from the emulator, fills from the in-process fill model) and with keys
/// on the emulator's URL (orders over REST, reports on the private stream). Real sockets, a real SQLite journal file.
/// </summary>
[NonParallelizable]
public sealed class TradingHostTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private IHost BuildHost(TradingVenue venue, RunMode mode)
    {
        bool keys = mode != RunMode.Paper;
        LoadedSmallfishConfiguration loaded = _dir.Load(venue.Overrides(keys ? "Testnet" : "Mainnet", keys));
        var context = new RunContext(loaded.Options, mode, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dir.DataDirectory, DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSmallfish(loaded.Configuration);
        builder.Services.AddSmallfishService(context, new SystemdNotifier(null));
        return builder.Build();
    }

    private static string Diagnose(IHost host, string db)
    {
        using var reader = Smallfish.Persistence.Reading.JournalReader.Open(db);
        var decisions = reader.ReadDecisions(0, long.MaxValue);
        string gates = string.Join(", ", decisions.GroupBy(d => d.Gate).Select(g => $"{g.Key}={g.Count()}"));
        var loop = host.Services.GetRequiredService<EngineLoop>();
        return $"market events {loop.Counters.MarketEvents}, faults {loop.Counters.Faults}, decisions {decisions.Count}: {gates}, orders {reader.ReadOrders().Count}";
    }

    [TestCase(RunMode.Paper)]
    [TestCase(RunMode.Testnet)]
    public async Task Host_ReplayedRealData_TradesThenStopsWithEntriesCancelledAndJournalMatchingTheVenue(RunMode mode)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        using IHost host = BuildHost(venue, mode);
        string db = Path.Combine(_dir.DataDirectory, "journal.db");
        await host.StartAsync();
        var engineService = host.Services.GetRequiredService<EngineLoopService>();
        var core = engineService.Engine as ServiceEngineCore;
        Assert.That(core, Is.Not.Null, "the service runs the trading engine, not the watch-only one");
        Assert.That(core!.Reconciliation, Is.Not.Null, "start-up reconciliation ran before the loop");

        venue.Emulator.Feed.Start(speed: 3);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (DateTime.UtcNow < until && TradingVenue.JournalFills(db) == 0) await Task.Delay(250);
        await venue.Emulator.Feed.StopAsync();
        await host.StopAsync();

        ShutdownReport? report = engineService.LastShutdown;
        Assert.That(report, Is.Not.Null);
        Assert.That(report!.EntryOrdersLeft, Is.Zero, "resting entries were cancelled and confirmed on stop");
        long journalNet = TradingVenue.JournalNetLots(db, venue.Symbol);
        Assert.That(TradingVenue.JournalFills(db), Is.GreaterThan(0), "the engine traded on the replayed data; " + Diagnose(host, db));
        if (mode == RunMode.Paper)
        {
            Assert.That(venue.Emulator.Statistics.Requests("/v5/order/create"), Is.Zero, "paper sends no order to the exchange");
            Assert.That(journalNet, Is.EqualTo(core.Paper!.Venue.GetPosition(venue.Symbol).NetLots), "the journal's fills add up to the paper venue's position");
        }
        else
        {
            Assert.That(journalNet, Is.EqualTo(venue.Emulator.GetPosition(venue.Symbol).NetLots), "the journal's fills add up to the emulator's position");
            var open = venue.Emulator.OpenOrders(venue.Symbol);
            Assert.That(open.Where(o => TradingVenue.RoleOf(o.ClientOrderId) == OrderRole.Entry), Is.Empty, "no entry left resting at the venue");
            if (journalNet != 0)
            {
                Assert.That(open.Any(o => TradingVenue.RoleOf(o.ClientOrderId) == OrderRole.StopLoss), Is.True, "the open position keeps its stop at the venue");
            }

            using var reader = Smallfish.Persistence.Reading.JournalReader.Open(db);
            foreach (var order in reader.ReadOrders())
            {
                Assert.That(venue.Emulator.OrderCreates(order.Request.ClientOrderId), Is.LessThanOrEqualTo(1), "no client id placed twice");
            }
        }
    }
}
