using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Recovery;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Service.Trading;
using CoreCatalog = Smallfish.Core.Instruments.InstrumentCatalog;
using GatewayCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;

namespace Smallfish.Service.Tests.Trading;

/// <summary>
/// The service's restart path on a real SQLite journal file and the loopback venue emulator (real Bybit client): what
/// the crashed run journaled, what the venue did meanwhile, then <see cref="ExchangeAccountReader"/> and the engine's
/// reconciliation as <see cref="TradingEngineCoreFactory"/> runs them. The venue is the truth: every fill of an order
/// the crashed run sent is booked once, and the engine holds the venue's position.
/// </summary>
[NonParallelizable]
public sealed class RestartRecoveryTests
{
    private const long PreviousRun = 1;
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new ServiceDirectory();
        _dir.TradeOnly("BTCUSDT");
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private sealed class NullSink : IExecutionSink
    {
        public void OnOrderUpdate(in OrderUpdate update)
        {
        }

        public void OnFill(in Fill fill)
        {
        }
    }

    private sealed record Restarted(TradingEngine Engine, ReconciliationReport Report, ExchangeAccountSnapshot Read);

    private static OrderRequest Market(string id, string symbol, Side side, long lots, bool reduceOnly = false) =>
        new(id, symbol, side, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, lots, 0, reduceOnly,
            ClientOrderId.TryParse(id, out var parts) ? parts.Role : OrderRole.Entry);

    private SqliteJournal OpenJournal() =>
        // A flush interval far beyond the test: only explicit flushes (and the write-ahead) commit.
        SqliteJournal.Open(new SqliteJournalOptions { DataDirectory = _dir.DataDirectory, FlushInterval = TimeSpan.FromSeconds(60) });

    private static long NowNs() => TimeProvider.System.GetUnixTimeNs();

    /// <summary>Places <paramref name="request"/> at the venue for the crashed run, asserts the venue filled it and returns the venue's order id.</summary>
    private static async Task<string> FillAtVenueAsync(IExchangeRestClient rest, TradingVenue venue, OrderRequest request)
    {
        var placed = await rest.PlaceOrderAsync(request);
        Assert.That(placed.Success, Is.True, $"the venue took {request.ClientOrderId}: {placed.Error}");
        Assert.That(venue.Emulator.Executions().Where(e => e.ClientOrderId == request.ClientOrderId).Sum(e => e.QtyLots), Is.EqualTo(request.QtyLots),
            $"{request.ClientOrderId} filled at the venue");
        return placed.Data!.ExchangeOrderId;
    }

    /// <summary>The start-up of the next run, as the service factory does it: journal view, exchange read, engine, reconcile.</summary>
    private async Task<Restarted> RestartAsync(TradingVenue venue, SqliteJournal journal, IExchangeRestClient rest, GatewayCatalog catalog)
    {
        SmallfishOptions options = _dir.Load(venue.Overrides("Testnet", keys: true)).Options;
        JournalRecovery known;
        using (JournalReader reader = journal.OpenReader()) known = reader.ReadRecovery();
        ExchangeAccountSnapshot read = await ExchangeAccountReader.ReadAsync(rest, catalog, [venue.Symbol], known, CancellationToken.None);
        ReconciliationInput input = read.Input with { RunCounter = PreviousRun };
        var gateway = new ExchangeOrderGateway(rest, catalog, [venue.Symbol], new NullSink(), TimeProvider.System, NullLogger.Instance)
        {
            WriteAhead = journal.FlushAsync,
        };
        TradingEngine engine = EngineBuilder.Build(StandardEngine.Setup(options, [venue.Symbol], TimeProvider.System, gateway, journal) with
        {
            Run = input.NextRun(),
            AwaitReconciliation = true,
            StartingEquity = 10_000m,
            Instruments = new CoreCatalog([venue.Spec]),
        });
        ReconciliationReport report = engine.Reconcile(input, NowNs());
        await gateway.StopAsync(TimeSpan.FromSeconds(20));
        await journal.FlushAsync();
        return new Restarted(engine, report, read);
    }

    private static Dictionary<string, long> JournalFilledLots(SqliteJournal journal)
    {
        using JournalReader reader = journal.OpenReader();
        return reader.ReadAllFills().GroupBy(f => f.ClientOrderId).ToDictionary(g => g.Key, g => g.Sum(f => f.QtyLots), StringComparer.Ordinal);
    }

    private static Dictionary<string, long> VenueFilledLots(TradingVenue venue) =>
        venue.Emulator.Executions().GroupBy(e => e.ClientOrderId).ToDictionary(g => g.Key, g => g.Sum(e => e.QtyLots), StringComparer.Ordinal);

    /// <summary>An open stop on <paramref name="closing"/> side covers <paramref name="lots"/>: a close-position stop covers any size.</summary>
    private static bool StopCovers(TradingVenue venue, Side closing, long lots) =>
        venue.Emulator.OpenOrders(venue.Symbol).Any(o => TradingVenue.RoleOf(o.ClientOrderId) == OrderRole.StopLoss && o.Side == closing
            && (o.ClosePosition || o.QtyLots - o.FilledLots >= lots));

    private static long EngineLots(TradingEngine engine, string symbol) =>
        engine.State.Positions.TryGetValue(symbol, out var p) ? p.Side.Sign() * p.QtyLots : 0;

    /// <summary>The real client of <paramref name="exchange"/> on the emulator's surface for it.</summary>
    private static (ExchangeClients Clients, GatewayCatalog Catalog) Connect(TradingVenue venue, ExchangeKind exchange)
    {
        var catalog = new GatewayCatalog();
        catalog.Add(venue.Spec, 0);
        string name = exchange == ExchangeKind.Binance ? "binance" : "bybit";
        return (new ExchangeClientFactory().Create(name, venue.Emulator.Endpoints(exchange), venue.Emulator.Credentials, catalog), catalog);
    }

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task Restart_IntentJournaledNoAckVenueFilledIt_FillBookedAndVenuePositionProtected(ExchangeKind exchange)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var (clients, catalog) = Connect(venue, exchange);
        await using ExchangeClients _ = clients;
        await using SqliteJournal journal = OpenJournal();
        // The crashed run: the entry's intent reached the disk (write-ahead), then the process died before any answer.
        // On Binance the execution rows carry only the exchange's order id: the journal has none, so the start must look
        // the order up by its client id to attribute the fill.
        OrderRequest entry = Market("sf1-0-1-E0", venue.Symbol, Side.Buy, 10);
        journal.RecordOrderSent(entry, NowNs());
        await journal.FlushAsync();
        await FillAtVenueAsync(clients.Rest, venue, entry);

        Restarted r = await RestartAsync(venue, journal, clients.Rest, catalog);

        long venueLots = venue.Emulator.GetPosition(venue.Symbol).NetLots;
        Assert.Multiple(() =>
        {
            Assert.That(JournalFilledLots(journal).GetValueOrDefault(entry.ClientOrderId), Is.EqualTo(10), "the venue's fill is in the journal");
            Assert.That(r.Report.OrdersResolved.Select(o => (o.ClientOrderId, o.Status)), Does.Contain((entry.ClientOrderId, OrderStatus.Filled)));
            Assert.That(EngineLots(r.Engine, venue.Symbol), Is.EqualTo(venueLots).And.EqualTo(10), "the engine holds the venue's position");
            Assert.That(StopCovers(venue, Side.Sell, 10), Is.True, "a stop covers the whole position at the venue");
        });
    }

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task Restart_FillsLostAfterTheirOrdersFinishedAndVenueFlat_FillsStillBooked(ExchangeKind exchange)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var (clients, catalog) = Connect(venue, exchange);
        await using ExchangeClients _ = clients;
        await using SqliteJournal journal = OpenJournal();
        // The crashed run: an entry and its exit, both journaled as filled (the order stream ran ahead of the execution
        // stream), the executions themselves lost with the process. The venue is flat with nothing open, and the journal
        // knows no open order and no position: only the executions show what happened.
        OrderRequest entry = Market("sf1-0-1-E0", venue.Symbol, Side.Buy, 10);
        OrderRequest exit = Market("sf1-0-1-X0", venue.Symbol, Side.Sell, 10, reduceOnly: true);
        // The order updates carry the venue's order id, as the private stream's do.
        journal.RecordOrderSent(entry, NowNs());
        string entryId = await FillAtVenueAsync(clients.Rest, venue, entry);
        journal.RecordOrderUpdate(new OrderUpdate(entry.ClientOrderId, entryId, venue.Symbol, OrderStatus.Filled, 10, 0m, RejectReason.None, null, NowNs()));
        journal.RecordOrderSent(exit, NowNs());
        string exitId = await FillAtVenueAsync(clients.Rest, venue, exit);
        journal.RecordOrderUpdate(new OrderUpdate(exit.ClientOrderId, exitId, venue.Symbol, OrderStatus.Filled, 10, 0m, RejectReason.None, null, NowNs()));
        await journal.FlushAsync();
        Assert.That(venue.Emulator.GetPosition(venue.Symbol).NetLots, Is.Zero);

        Restarted r = await RestartAsync(venue, journal, clients.Rest, catalog);

        Assert.Multiple(() =>
        {
            Assert.That(JournalFilledLots(journal), Is.EquivalentTo(VenueFilledLots(venue)), "filled lots per order: journal == venue");
            Assert.That(r.Report.FillsBooked, Has.Count.EqualTo(2));
            Assert.That(r.Report.TradesBooked, Has.Count.EqualTo(1), "the round trip the two fills make is booked");
            Assert.That(EngineLots(r.Engine, venue.Symbol), Is.Zero);
        });
    }

    [TestCase(ExchangeKind.Bybit)]
    [TestCase(ExchangeKind.Binance)]
    public async Task Restart_OrderFillsBetweenPositionsAndExecutionsReads_EngineHoldsTheVenuesPosition(ExchangeKind exchange)
    {
        await using TradingVenue venue = await TradingVenue.StartAsync();
        var (clients, catalog) = Connect(venue, exchange);
        await using ExchangeClients _ = clients;
        await using SqliteJournal journal = OpenJournal();
        OrderRequest first = Market("sf1-0-1-E0", venue.Symbol, Side.Buy, 10);
        OrderRequest late = Market("sf1-0-2-E0", venue.Symbol, Side.Buy, 5);
        journal.RecordOrderSent(first, NowNs());
        journal.RecordOrderSent(late, NowNs());
        await journal.FlushAsync();
        await FillAtVenueAsync(clients.Rest, venue, first);
        // The crashed run's second order fills while the new run reads the account: after the first positions read,
        // before the executions read.
        var rest = new ObservingRestClient(clients.Rest)
        {
            AfterPositions = async n =>
            {
                if (n == 1) await FillAtVenueAsync(clients.Rest, venue, late);
            },
        };

        Restarted r = await RestartAsync(venue, journal, rest, catalog);

        long venueLots = venue.Emulator.GetPosition(venue.Symbol).NetLots;
        Assert.Multiple(() =>
        {
            Assert.That(venueLots, Is.EqualTo(15));
            Assert.That(EngineLots(r.Engine, venue.Symbol), Is.EqualTo(venueLots), "the engine holds what the venue holds, the late fill included");
            Assert.That(JournalFilledLots(journal), Is.EquivalentTo(VenueFilledLots(venue)), "filled lots per order: journal == venue");
            Assert.That(r.Read.Consistent, Is.True, "the second read agreed with the third");
            Assert.That(r.Read.Rounds, Is.EqualTo(2), "the move was seen and the account read again");
            Assert.That(StopCovers(venue, Side.Sell, 15), Is.True, "the stop covers the whole position");
        });
    }

    [Test]
    public void SymbolsToRead_VenueAndJournalStates_OnlySymbolsThatCanHoldAFill()
    {
        long since = 1_790_000_000_000;
        string[] symbols = ["AUSDT", "BUSDT", "CUSDT", "DUSDT", "EUSDT"];
        var positions = new[]
        {
            new ExchangePosition("AUSDT", PositionSlot.OneWay, Side.Buy, 1m, 100m, 100m, 0m, 10m, 0m, 0m, 0m, since),
            new ExchangePosition("DUSDT", PositionSlot.OneWay, null, 0m, 0m, 100m, 0m, 10m, 0m, 0m, 0m, since),
        };
        var known = JournalRecovery.Empty with
        {
            SymbolActivityNs = new Dictionary<string, long>
            {
                ["BUSDT"] = (since + 5) * 1_000_000, // an order finished after the window opened: its fills may be lost
                ["CUSDT"] = (since - 5) * 1_000_000, // traded before the window only
            },
        };

        Assert.Multiple(() =>
        {
            Assert.That(ExchangeAccountReader.SymbolsToRead(symbols, positions, [], known, since), Is.EqualTo(new[] { "AUSDT", "BUSDT" }),
                "a venue position, recent journal activity; not old activity, a flat row or a symbol never traded");
            Assert.That(ExchangeAccountReader.SymbolsToRead(symbols, positions, [], known, 0), Is.EqualTo(new[] { "AUSDT", "BUSDT", "CUSDT" }),
                "the venue's whole window: every symbol the journal ever traded");
        });
    }

    [Test]
    public void ExecutionsSinceMs_JournalStates_MarginBeforeTheOldestItNeeds()
    {
        long now = 1_790_000_000_000;
        long margin = (long)ExchangeAccountReader.ExecutionMargin.TotalMilliseconds;
        var order = new KnownOrder(Market("sf1-0-1-E0", "BTCUSDT", Side.Buy, 1), (now - 600_000) * 1_000_000, OrderStatus.New, 0, null);
        JournalRecovery Journal(long lastMs, params KnownOrder[] open) =>
            JournalRecovery.Empty with { OpenOrders = open, LastActivityNs = lastMs * 1_000_000 };

        Assert.Multiple(() =>
        {
            Assert.That(ExchangeAccountReader.ExecutionsSinceMs(JournalRecovery.Empty, now), Is.Zero, "empty journal: the venue's window");
            Assert.That(ExchangeAccountReader.ExecutionsSinceMs(Journal(now - 5_000), now), Is.EqualTo(now - 5_000 - margin));
            Assert.That(ExchangeAccountReader.ExecutionsSinceMs(Journal(now - 5_000, order), now), Is.EqualTo(now - 600_000 - margin),
                "an unfinished order older than the last record: from before it was sent");
            Assert.That(ExchangeAccountReader.ExecutionsSinceMs(Journal(now - 10L * 24 * 3600 * 1000), now), Is.Zero,
                "a journal older than the venue keeps executions: the venue's whole window");
        });
    }
}
