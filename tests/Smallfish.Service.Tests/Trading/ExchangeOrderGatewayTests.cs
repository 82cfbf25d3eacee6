using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;
using GatewayCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;

namespace Smallfish.Service.Tests.Trading;

/// <summary>The order gateway against the loopback emulator's Bybit REST API with the real client: refusals become engine reports.</summary>
[NonParallelizable]
public sealed class ExchangeOrderGatewayTests
{
    private sealed class RecordingSink : IExecutionSink
    {
        public List<OrderUpdate> Updates { get; } = [];

        public void OnOrderUpdate(in OrderUpdate update)
        {
            lock (Updates) Updates.Add(update);
        }

        public void OnFill(in Fill fill)
        {
        }
    }

    [Test]
    public async Task PlaceAndCancel_VenueRefuses_ReportsRejectsWithTheVenuesReasons()
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        await using ExchangeClients clients = new ExchangeClientFactory().Create("bybit", venue.Emulator.Endpoints(ExchangeKind.Bybit), venue.Emulator.Credentials, catalog);
        var sink = new RecordingSink();
        var gateway = new ExchangeOrderGateway(clients.Rest, catalog, [venue.Symbol], sink, TimeProvider.System, NullLogger.Instance);
        long bid = venue.Emulator.GetBook(venue.Symbol, 1).Bids.PriceAt(0);
        venue.Emulator.Faults.RejectNextForMargin(1);

        gateway.Place(new OrderRequest("sf9-0-1-E0", venue.Symbol, Side.Buy, OrderType.Limit, TimeInForce.PostOnly, bid - 100, 10, 0, false, OrderRole.Entry));
        gateway.Cancel(venue.Symbol, "sf9-0-2-E0"); // never placed
        await gateway.StopAsync(TimeSpan.FromSeconds(20));

        Assert.That(sink.Updates, Has.Count.EqualTo(2), "one report per refused command, in the lane's order");
        Assert.That(sink.Updates[0].ClientOrderId, Is.EqualTo("sf9-0-1-E0"));
        Assert.That(sink.Updates[0].Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(sink.Updates[0].Reject, Is.EqualTo(RejectReason.InsufficientMargin));
        Assert.That(sink.Updates[1].ClientOrderId, Is.EqualTo("sf9-0-2-E0"));
        Assert.That(sink.Updates[1].Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(sink.Updates[1].Reject, Is.EqualTo(RejectReason.OrderNotFound));
        Assert.That(venue.Emulator.OpenOrders(venue.Symbol), Is.Empty, "the refused placement left nothing working at the venue");
    }
    [Test]
    public async Task Place_EntryAnswerHeld_StopGoesOutOnItsOwnLane()
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        await using ExchangeClients clients = new ExchangeClientFactory().Create("bybit", venue.Emulator.Endpoints(ExchangeKind.Bybit), venue.Emulator.Credentials, catalog);
        var sink = new RecordingSink();
        var gateway = new ExchangeOrderGateway(clients.Rest, catalog, [venue.Symbol], sink, TimeProvider.System, NullLogger.Instance);
        long bid = venue.Emulator.GetBook(venue.Symbol, 1).Bids.PriceAt(0);
        var hold = TimeSpan.FromSeconds(6);
        venue.Emulator.Faults.HoldNextResponses(1, hold, "/v5/order/create");
        long started = Environment.TickCount64;

        gateway.Place(new OrderRequest("sf9-0-1-E0", venue.Symbol, Side.Buy, OrderType.Limit, TimeInForce.PostOnly, bid - 100, 10, 0, false, OrderRole.Entry));
        gateway.Place(new OrderRequest("sf9-0-1-S0", venue.Symbol, Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 10, bid - 5000, true, OrderRole.StopLoss));
        long seenAfter = -1;
        while (Environment.TickCount64 - started < hold.TotalMilliseconds)
        {
            if (venue.Emulator.OpenOrders(venue.Symbol).Any(o => o.ClientOrderId == "sf9-0-1-S0"))
            {
                seenAfter = Environment.TickCount64 - started;
                break;
            }

            await Task.Delay(10);
        }

        await gateway.StopAsync(TimeSpan.FromSeconds(20));
        Assert.That(seenAfter, Is.InRange(0, (long)hold.TotalMilliseconds / 2), "the stop reached the venue while the entry's answer was still held");
    }

    [Test]
    public async Task Place_WithWriteAhead_JournalRecordIsOnDiskBeforeTheVenueSeesTheOrder()
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        await using ExchangeClients clients = new ExchangeClientFactory().Create("bybit", venue.Emulator.Endpoints(ExchangeKind.Bybit), venue.Emulator.Credentials, catalog);
        using var dir = new ServiceDirectory();
        // Only an explicit flush commits within the test: the interval is far longer than the test runs.
        await using SqliteJournal journal = SqliteJournal.Open(new SqliteJournalOptions { DataDirectory = dir.DataDirectory, FlushInterval = TimeSpan.FromSeconds(60) });
        var onDiskAtSend = new List<(string Id, bool OnDisk)>();
        var rest = new ObservingRestClient(clients.Rest)
        {
            BeforePlace = r =>
            {
                using JournalReader reader = journal.OpenReader();
                bool onDisk = reader.ReadOrders().Any(o => o.Request.ClientOrderId == r.ClientOrderId);
                lock (onDiskAtSend) onDiskAtSend.Add((r.ClientOrderId, onDisk));
            },
        };
        var gateway = new ExchangeOrderGateway(rest, catalog, [venue.Symbol], new RecordingSink(), TimeProvider.System, NullLogger.Instance)
        {
            WriteAhead = journal.FlushAsync,
        };
        long bid = venue.Emulator.GetBook(venue.Symbol, 1).Bids.PriceAt(0);
        var entry = new OrderRequest("sf9-0-1-E0", venue.Symbol, Side.Buy, OrderType.Limit, TimeInForce.PostOnly, bid - 100, 10, 0, false, OrderRole.Entry);
        var stop = new OrderRequest("sf9-0-1-S0", venue.Symbol, Side.Sell, OrderType.StopMarket, TimeInForce.GoodTillCancel, 0, 10, bid - 5000, true, OrderRole.StopLoss);

        // As the engine's emitter does: journal the order, then hand it to the order path.
        journal.RecordOrderSent(entry, 1);
        gateway.Place(entry);
        journal.RecordOrderSent(stop, 2);
        gateway.Place(stop);
        await gateway.StopAsync(TimeSpan.FromSeconds(20));

        Assert.That(onDiskAtSend, Is.EquivalentTo(new[] { (entry.ClientOrderId, true), (stop.ClientOrderId, true) }),
            "each placement went out only after its journal record was committed");
        Assert.That(venue.Emulator.OpenOrders(venue.Symbol).Select(o => o.ClientOrderId), Is.EquivalentTo(new[] { entry.ClientOrderId, stop.ClientOrderId }));
    }

    [Test]
    public async Task Place_WriteAheadFails_RejectedAndNothingSent()
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        await using ExchangeClients clients = new ExchangeClientFactory().Create("bybit", venue.Emulator.Endpoints(ExchangeKind.Bybit), venue.Emulator.Credentials, catalog);
        var sink = new RecordingSink();
        var gateway = new ExchangeOrderGateway(clients.Rest, catalog, [venue.Symbol], sink, TimeProvider.System, NullLogger.Instance)
        {
            WriteAhead = _ => Task.FromException(new IOException("disk full")),
        };
        long bid = venue.Emulator.GetBook(venue.Symbol, 1).Bids.PriceAt(0);

        gateway.Place(new OrderRequest("sf9-0-1-E0", venue.Symbol, Side.Buy, OrderType.Limit, TimeInForce.PostOnly, bid - 100, 10, 0, false, OrderRole.Entry));
        await gateway.StopAsync(TimeSpan.FromSeconds(20));

        Assert.That(sink.Updates.Select(u => (u.ClientOrderId, u.Status)), Is.EqualTo(new[] { ("sf9-0-1-E0", OrderStatus.Rejected) }));
        Assert.That(venue.Emulator.AllOrders(), Is.Empty, "an order the journal could not record never reached the venue");
        Assert.That(gateway.Refused, Is.EqualTo(1));
    }

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task Place_ProtectiveExitRefusedAsReduceOnly_ReadsTheVenueBackBeforeReportingTheRefusal(ExchangeKind exchange)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        await using ExchangeClients clients = new ExchangeClientFactory().Create(exchange.ToString().ToLowerInvariant(), venue.Emulator.Endpoints(exchange),
            venue.Emulator.Credentials, catalog);
        var sink = new RecordingSink();
        var gateway = new ExchangeOrderGateway(clients.Rest, catalog, [venue.Symbol], sink, TimeProvider.System, NullLogger.Instance);
        var suspected = new List<(string Reason, int ReportsBefore)>();
        gateway.PositionSuspect = reason =>
        {
            lock (sink.Updates) suspected.Add((reason, sink.Updates.Count(u => u.ClientOrderId == "sf9-0-1-X0")));
            return Task.CompletedTask;
        };

        // The engine believes it is long and closes at market; the venue is flat, so the reduce-only sell is refused.
        gateway.Place(new OrderRequest("sf9-0-1-X0", venue.Symbol, Side.Sell, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, 10, 0, true, OrderRole.Exit));
        // An entry refused for another reason reads nothing back.
        venue.Emulator.Faults.RejectNextForMargin(1);
        long bid = venue.Emulator.GetBook(venue.Symbol, 1).Bids.PriceAt(0);
        gateway.Place(new OrderRequest("sf9-0-2-E0", venue.Symbol, Side.Buy, OrderType.Limit, TimeInForce.PostOnly, bid - 100, 10, 0, false, OrderRole.Entry));
        await gateway.StopAsync(TimeSpan.FromSeconds(20));

        Assert.That(sink.Updates.Select(u => (u.ClientOrderId, u.Status, u.Reject)), Is.EquivalentTo(new[]
        {
            ("sf9-0-1-X0", OrderStatus.Rejected, RejectReason.ReduceOnlyViolated),
            ("sf9-0-2-E0", OrderStatus.Rejected, RejectReason.InsufficientMargin),
        }));
        Assert.That(suspected, Has.Count.EqualTo(1), "one read-back, for the refused reduce-only exit only");
        Assert.That(suspected[0].Reason, Does.Contain("sf9-0-1-X0"));
        Assert.That(suspected[0].ReportsBefore, Is.Zero, "the venue is read back before the exit's refusal reaches the engine");
    }
}
