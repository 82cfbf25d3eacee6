using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Emulator;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;

namespace Smallfish.Service.Tests.Trading;

/// <summary>
/// A fill while the private stream is down (the Binance fault soak's finding): the service's real host and trading
/// engine in testnet mode on the loopback venue emulator replaying a real recording; once the engine holds a position
/// with its take-profit resting, the private connection is dropped and the take-profit is filled (a trade through its
/// price) before the client can reconnect. The venue's report goes nowhere. After the reconnect the engine must have
/// booked the fill (flat, take-profit ended), the journal must hold it, and protective exits must not be refused
/// again and again.
/// </summary>
[NonParallelizable]
public sealed class PrivateStreamResyncTests
{
    private ServiceDirectory _dir = null!;
    private Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider _logs = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new ServiceDirectory();
        _logs = new Smallfish.Remote.Tests.TestSupport.CapturingLoggerProvider();
    }

    [TearDown]
    public void TearDown()
    {
        // The trading path's lines, for a failure's diagnosis only (never asserted on).
        foreach (var e in _logs.Entries.Where(e => e.Category.Contains("Trading", StringComparison.Ordinal))) TestContext.Out.WriteLine(e.Everything);
        _logs.Dispose();
        _dir.Dispose();
    }

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task PrivateStreamDown_TakeProfitFillsInTheGap_EngineBooksTheFillAfterTheReconnect(ExchangeKind exchange)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        using IHost host = BuildHost(venue, exchange);
        string db = Path.Combine(_dir.DataDirectory, "journal.db");
        await host.StartAsync();
        var loop = host.Services.GetRequiredService<EngineLoop>();
        var core = host.Services.GetRequiredService<EngineLoopService>().Engine as ServiceEngineCore;
        Assert.That(core?.Resync, Is.Not.Null, "the exchange order path has its private stream resync");

        EmulatedOrderInfo? tp = null;
        for (int round = 0; round < 12 && tp is null; round++)
        {
            venue.Emulator.Feed.Start(speed: 3);
            await EventuallyAsync(() => Settled(venue, loop, core!) is not null, TimeSpan.FromSeconds(30));
            await venue.Emulator.Feed.StopAsync();
            // With the feed paused nothing moves at the venue; wait until the engine has taken every report in.
            await EventuallyAsync(() => Settled(venue, loop, core!) is not null, TimeSpan.FromSeconds(3));
            tp = Settled(venue, loop, core!);
        }

        Assert.That(tp, Is.Not.Null, "the engine took a position with a resting take-profit on the replayed data");
        long net = venue.Emulator.GetPosition(venue.Symbol).NetLots;
        long resyncsBefore = core!.Resync!.Completed;

        Assert.That(venue.Emulator.Faults.DropConnections(EmulatorSurfaces.Both, EmulatorStreamKind.Private), Is.GreaterThan(0), "the private connection was up");
        long now = TimeProvider.System.GetUnixTimeNs();
        long through = net > 0 ? tp!.PriceTicks + 1 : tp!.PriceTicks - 1;
        int symbolId = venue.Emulator.Options.Instruments.IndexOf(venue.Spec);
        venue.Emulator.Market.OnTrade(new TradeEvent(symbolId, now, now, through, Math.Abs(net) * 10, net > 0 ? Side.Buy : Side.Sell));
        Assert.That(venue.Emulator.GetOrder(tp.ClientOrderId)?.Status, Is.EqualTo(OrderStatus.Filled), "the take-profit filled while the private stream was down");
        Assert.That(venue.Emulator.GetPosition(venue.Symbol).NetLots, Is.Zero, "the venue is flat");

        bool caughtUp = await EventuallyAsync(() => core.Resync.Completed > resyncsBefore && EngineNetLots(loop, venue.Symbol) == 0
            && loop.Latest!.WorkingOrders.All(o => o.ClientOrderId != tp.ClientOrderId), TimeSpan.FromSeconds(20));
        long engineNet = EngineNetLots(loop, venue.Symbol);
        await host.StopAsync();

        Assert.That(caughtUp, Is.True, $"after the reconnect the engine booked the take-profit's fill (engine {engineNet} lots, venue 0)");
        using JournalReader reader = JournalReader.Open(db);
        long tpLots = reader.ReadAllFills().Where(f => f.ClientOrderId == tp.ClientOrderId).Sum(f => f.QtyLots);
        Assert.Multiple(() =>
        {
            Assert.That(tpLots, Is.EqualTo(tp.QtyLots), "the journal holds the take-profit's fill");
            Assert.That(TradingVenue.JournalNetLots(db, venue.Symbol), Is.EqualTo(venue.Emulator.GetPosition(venue.Symbol).NetLots), "the journal's fills add up to the venue's position");
            var refusedExits = reader.ReadOrders().Where(o => o.Request.Role is OrderRole.Exit or OrderRole.StopLoss && o.Status == OrderStatus.Rejected).ToList();
            // The engine may act on the trade print before the reconnect (Bybit: its stop is gone at the venue, so it
            // closes at market); a refused reduce-only exit then reads the venue back at once: no storm of refusals.
            Assert.That(refusedExits.Select(o => o.Request.ClientOrderId).ToList(), Has.Count.LessThanOrEqualTo(1), "no reduce-only storm");
        });
    }

    private IHost BuildHost(TradingVenue venue, ExchangeKind exchange)
    {
        LoadedSmallfishConfiguration loaded = _dir.Load(venue.Overrides("Testnet", keys: true, exchange));
        var context = new RunContext(loaded.Options, RunMode.Testnet, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dir.DataDirectory, DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSmallfish(loaded.Configuration);
        builder.Services.AddSmallfishService(context, new SystemdNotifier(null));
        return builder.Build();
    }

    /// <summary>
    /// The take-profit when the venue and the engine agree on a position it covers in full, with no entry working and
    /// nothing in flight; else null.
    /// </summary>
    private static EmulatedOrderInfo? Settled(TradingVenue venue, EngineLoop loop, ServiceEngineCore core)
    {
        long net = venue.Emulator.GetPosition(venue.Symbol).NetLots;
        RuntimeSnapshot? engine = loop.Latest;
        if (net == 0 || engine is null || EngineNetLots(loop, venue.Symbol) != net) return null;
        if (core.CommandsInFlight != 0 || core.FramesReceived != core.FramesHandled) return null;
        var open = venue.Emulator.OpenOrders(venue.Symbol);
        if (open.Any(o => TradingVenue.RoleOf(o.ClientOrderId) == OrderRole.Entry)) return null;
        Side closing = net > 0 ? Side.Sell : Side.Buy;
        EmulatedOrderInfo? tp = open.FirstOrDefault(o => TradingVenue.RoleOf(o.ClientOrderId) == OrderRole.TakeProfit && o.Side == closing
            && o.Type == OrderType.Limit && o.QtyLots - o.FilledLots == Math.Abs(net));
        if (tp is null) return null;
        bool engineTracksIt = engine.WorkingOrders.Any(o => o.ClientOrderId == tp.ClientOrderId && o.Status != OrderStatus.PendingNew);
        return engineTracksIt ? tp : null;
    }

    private static long EngineNetLots(EngineLoop loop, string symbol)
    {
        long net = 0;
        foreach (PositionSnapshot p in loop.Latest?.Positions ?? [])
        {
            if (p.Symbol == symbol) net += p.Side == Side.Buy ? p.QtyLots : -p.QtyLots;
        }

        return net;
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }

        return condition();
    }
}
