using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Configuration;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Hosting;
using Smallfish.Service.Symbols;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Symbols;

/// <summary>The scheduled re-scan: a new ranking is reported and kept for the next restart, never applied live.</summary>
public sealed class SymbolRescanServiceTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private sealed class RecordingAlerts : IServiceAlerts
    {
        public List<ServiceAlert> Alerts { get; } = [];

        public void Raise(ServiceAlert alert)
        {
            lock (Alerts) Alerts.Add(alert);
        }
    }

    private async Task<(RunContext Context, VenueRestServer Venue)> StartedWithAsync(string tickersAtStart)
    {
        var venueAtStart = await VenueRestServer.StartAsync(new Dictionary<string, string>
        {
            ["/v5/market/instruments-info"] = RealVenueMessages.BybitInstrumentsLinear,
            ["/v5/market/tickers"] = tickersAtStart,
        });
        LoadedSmallfishConfiguration loaded = _dir.Load(new Dictionary<string, string?>
        {
            ["Exchange:Bybit:Mainnet:RestBaseUrl"] = venueAtStart.BaseUrl,
            ["AutoSymbols:Count"] = "2",
            ["AutoSymbols:RescanIntervalMinutes"] = "30",
        });
        SymbolSelection selection = await SymbolBootstrap.ResolveAsync(loaded.Options, RunMode.Paper, new ExchangeClientFactory(), TimeProvider.System);
        return (new RunContext(loaded.Options, RunMode.Paper, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>(), selection), venueAtStart);
    }

    [Test]
    public async Task Timer_RankingChanged_RecordsTheNextRestartChoiceAndAlertsOnce()
    {
        // At start only ETH and DOGE trade much: the scanner picks them. Later the real rows rank BTC and SOL first.
        var rows = RealVenueMessages.BybitLinearTickerRows;
        foreach (var row in rows)
        {
            string symbol = row["symbol"]!.GetValue<string>();
            if (symbol is not ("BTCUSDT" or "SOLUSDT")) continue;
            row["turnover24h"] = "1";
            row["highPrice24h"] = row["lowPrice24h"]!.GetValue<string>();
        }

        (RunContext context, VenueRestServer venue) = await StartedWithAsync(RealVenueMessages.BybitTickers(rows));
        await venue.DisposeAsync();
        await using VenueRestServer later = await VenueRestServer.StartAsync(new Dictionary<string, string>
        {
            ["/v5/market/instruments-info"] = RealVenueMessages.BybitInstrumentsLinear,
            ["/v5/market/tickers"] = RealVenueMessages.BybitTickers(),
        });
        context.Options.Exchange.Bybit.Mainnet.RestBaseUrl = later.BaseUrl;
        var clock = new SimulatedClock(1_786_310_817_000_000_000);
        var state = new SymbolScanState();
        var alerts = new RecordingAlerts();
        using var service = new SymbolRescanService(context, new ExchangeClientFactory(), clock, state, NullLogger<SymbolRescanService>.Instance, alerts);
        await service.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(29));
        int beforeDue = state.Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(SpinWait.SpinUntil(() => state.Count == 1, TimeSpan.FromSeconds(10)), Is.True, "the re-scan ran when due");
        SymbolRescan first = state.Last!;
        SymbolRescan second = await service.ScanOnceAsync();
        await service.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(beforeDue, Is.Zero);
            Assert.That(context.Symbols, Is.EqualTo(new[] { "DOGEUSDT", "ETHUSDT" }), "the running table does not change");
            Assert.That(first.Top.Select(r => r.Symbol), Is.EqualTo(new[] { "BTCUSDT", "SOLUSDT" }));
            Assert.That(first.Added, Is.EqualTo(new[] { "BTCUSDT", "SOLUSDT" }));
            Assert.That(first.Dropped, Is.EquivalentTo(new[] { "DOGEUSDT", "ETHUSDT" }));
            Assert.That(second.Changed, Is.True);
            Assert.That(alerts.Alerts, Has.Count.EqualTo(1), "one alert per distinct ranking");
            Assert.That(later.Calls.GetValueOrDefault("/v5/market/tickers"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ScanOnce_TickersUnreachable_RecordsAFailureAndKeepsTheSymbols()
    {
        (RunContext context, VenueRestServer venue) = await StartedWithAsync(RealVenueMessages.BybitTickers());
        await venue.DisposeAsync();
        context.Options.Exchange.Bybit.Mainnet.RestBaseUrl = $"http://127.0.0.1:{ServiceDirectory.ClosedPort}";
        var state = new SymbolScanState();
        using var service = new SymbolRescanService(context, new ExchangeClientFactory(), new SimulatedClock(), state, NullLogger<SymbolRescanService>.Instance);

        SymbolRescan rescan = await service.ScanOnceAsync();

        Assert.That(rescan.Error, Is.Not.Null);
        Assert.That(rescan.Changed, Is.False);
        Assert.That(state.Last, Is.SameAs(rescan));
        Assert.That(SymbolSelectionStatusMapper.Map(context, state).RescanFailed, Is.True);
    }
}
