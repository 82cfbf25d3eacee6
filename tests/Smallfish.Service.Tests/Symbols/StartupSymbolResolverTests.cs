using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Hosting;
using Smallfish.Service.MarketData;
using Smallfish.Service.Symbols;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Symbols;

/// <summary>
/// The start-up symbol step against a real HTTP server on 127.0.0.1 serving the venues' real answers: the recorded
/// Bybit linear instruments-info (800 contracts) and tickers, Binance's published exchangeInfo and 24 h ticker.
/// </summary>
public sealed class StartupSymbolResolverTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static Dictionary<string, string> BybitBodies(string? tickers = null) => new()
    {
        ["/v5/market/instruments-info"] = RealVenueMessages.BybitInstrumentsLinear,
        ["/v5/market/tickers"] = tickers ?? RealVenueMessages.BybitTickers(),
    };

    private static Dictionary<string, string> BinanceBodies() => new()
    {
        ["/fapi/v1/exchangeInfo"] = RealVenueMessages.Fixture("binance", "rest_exchange_info.json"),
        ["/fapi/v1/ticker/24hr"] = RealVenueMessages.Fixture("binance", "rest_ticker_24hr_single.json"),
        ["/fapi/v1/premiumIndex"] = RealVenueMessages.Fixture("binance", "rest_premium_index_single.json"),
    };

    private SmallfishOptions Options(string restBaseUrl, string venue = "Bybit", params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["Exchange:Name"] = venue.ToLowerInvariant(), [$"Exchange:{venue}:Mainnet:RestBaseUrl"] = restBaseUrl };
        foreach ((string key, string value) in settings) overrides[key] = value;
        return _dir.Load(overrides).Options;
    }

    private static Task<SymbolSelection> ResolveAsync(SmallfishOptions options) =>
        SymbolBootstrap.ResolveAsync(options, RunMode.Paper, new ExchangeClientFactory(), new SimulatedClock(1_786_310_817_197_000_000));

    [Test]
    public async Task Resolve_BybitRealInstruments_GridsComeFromTheExchange()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BybitBodies());
        SmallfishOptions options = Options(venue.BaseUrl, "Bybit", ("Symbols:0", "SOLUSDT"), ("Symbols:1", "DOGEUSDT"), ("Symbols:2", "BTCUSDT"));

        SymbolSelection selection = await ResolveAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(selection.GridSource, Is.EqualTo(InstrumentGridSource.Exchange));
            Assert.That(selection.Symbols, Is.EqualTo(new[] { "SOLUSDT", "DOGEUSDT", "BTCUSDT" }));
            Assert.That(selection.Warnings, Is.Empty);
            // Values of the recorded answer: SOL tick 0.010 / step 0.1 / min 0.1; DOGE 0.00001 / 1 / 1; BTC 0.10 / 0.001 / 0.001; notional 5.
            Assert.That(Grid(selection.Instruments[0]), Is.EqualTo(("SOLUSDT", 0.01m, 0.1m, 0.1m, 5m)));
            Assert.That(Grid(selection.Instruments[1]), Is.EqualTo(("DOGEUSDT", 0.00001m, 1m, 1m, 5m)));
            Assert.That(Grid(selection.Instruments[2]), Is.EqualTo(("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m)));
            Assert.That(venue.Calls.GetValueOrDefault("/v5/market/tickers"), Is.Zero, "no ticker scan without AutoSymbols");
        });
    }

    [Test]
    public async Task Resolve_BinanceRealExchangeInfo_GridsComeFromTheFilters()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BinanceBodies());
        SmallfishOptions options = Options(venue.BaseUrl, "Binance");
        options.Symbols = ["BLZUSDT"];

        SymbolSelection selection = await ResolveAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(selection.GridSource, Is.EqualTo(InstrumentGridSource.Exchange));
            Assert.That(selection.Symbols, Is.EqualTo(new[] { "BLZUSDT" }));
            // PRICE_FILTER tickSize 0.0001, LOT_SIZE stepSize 1 / minQty 1, MIN_NOTIONAL notional 5.0.
            Assert.That(Grid(selection.Instruments.Single()), Is.EqualTo(("BLZUSDT", 0.0001m, 1m, 1m, 5m)));
        });
    }

    [Test]
    public async Task Resolve_BinanceTickers_CarryTheRealHighAndLow()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BinanceBodies());
        SmallfishOptions options = Options(venue.BaseUrl, "Binance");
        await using ExchangeClients clients = new ExchangeClientFactory().Create(MarketDataService.PublicEndpointsFor(options, RunMode.Paper), new SecretsOptions(), new Smallfish.Exchanges.Abstractions.InstrumentCatalog(),
            SymbolBootstrap.StartupRestOptions());

        var tickers = await clients.Rest.GetTickersAsync();

        Assert.That(tickers.Success, Is.True, tickers.ToString());
        var btc = tickers.Data!.Single();
        Assert.That((btc.Symbol, btc.Turnover24h, btc.HighPrice24h, btc.LowPrice24h), Is.EqualTo(("BTCUSDT", 15.3m, 100m, 0.1m)));
    }

    [TestCase("Bybit", "NOPEUSDT")]
    [TestCase("Binance", "ETHUSDT")]
    public async Task Resolve_SymbolTheExchangeDoesNotList_OneConfigurationErrorNamingIt(string venueName, string unknown)
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(venueName == "Bybit" ? BybitBodies() : BinanceBodies());
        string listed = venueName == "Bybit" ? "BTCUSDT" : "BLZUSDT";
        SmallfishOptions options = Options(venue.BaseUrl, venueName, ("Symbols:0", listed), ("Symbols:1", unknown));

        var errors = Assert.ThrowsAsync<ConfigurationErrors>(() => ResolveAsync(options))!;

        Assert.That(errors.Errors, Has.Count.EqualTo(1));
        Assert.That((errors.Errors[0].Key, errors.Errors[0].Value), Is.EqualTo(("Smallfish:Symbols", unknown)));
        Assert.That(errors.Errors[0].ToString(), Does.Not.Contain("\n"));
    }

    [Test]
    public async Task Resolve_EndpointUnreachable_FallbackGridsAndAWarning()
    {
        SmallfishOptions options = Options($"http://127.0.0.1:{ServiceDirectory.ClosedPort}", "Bybit", ("Symbols:0", "BTCUSDT"), ("Symbols:1", "NOGRIDUSDT"));

        SymbolSelection selection = await ResolveAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(selection.GridSource, Is.EqualTo(InstrumentGridSource.Configuration));
            Assert.That(selection.Symbols, Is.EqualTo(new[] { "BTCUSDT" }), "a symbol without any grid is left out");
            Assert.That(Grid(selection.Instruments.Single()), Is.EqualTo(Grid(options.Instruments["BTCUSDT"].ToSpec("BTCUSDT"))));
            Assert.That(selection.Warnings, Has.Count.EqualTo(2), "one for the endpoint, one for the symbol without a grid");
        });
    }

    [Test]
    public async Task Resolve_AutoSymbolsOnRealTickers_TopTwoByMeanRankWithNameTieBreak()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BybitBodies());
        SmallfishOptions options = Options(venue.BaseUrl, "Bybit", ("AutoSymbols:Count", "2"));

        SymbolSelection selection = await ResolveAsync(options);

        // Recorded rows: turnover BTC 1.14e9 > ETH 5.13e8 > SOL 2.77e8 > DOGE 3.6e7 (ranks 1..4); 24 h range ln(high/low)
        // SOL 0.0241 > DOGE 0.0178 > BTC 0.0090 > ETH 0.0079 (ranks 1..4). Mean ranks: BTC 2, SOL 2, DOGE 3, ETH 3;
        // the ties go by name. BTCUSD (inverse) is not a candidate.
        Assert.Multiple(() =>
        {
            Assert.That(selection.IsAuto, Is.True);
            Assert.That(selection.Symbols, Is.EqualTo(new[] { "BTCUSDT", "SOLUSDT" }));
            Assert.That(selection.Ranking.Select(r => r.Score), Is.EqualTo(new[] { 2.0, 2.0 }));
            Assert.That(selection.Instruments.Select(i => i.Symbol), Is.EqualTo(selection.Symbols));
            Assert.That(selection.ScannedAtNs, Is.EqualTo(1_786_310_817_197_000_000));
        });
    }

    [Test]
    public async Task Resolve_AutoSymbolsTickerRowsInAnyOrder_SameChoice()
    {
        var rows = RealVenueMessages.BybitLinearTickerRows;
        var orders = new[] { rows, rows.AsEnumerable().Reverse().ToList(), rows.OrderBy(r => r["lastPrice"]!.GetValue<string>(), StringComparer.Ordinal).ToList() };
        var choices = new List<string>();
        foreach (var order in orders)
        {
            await using VenueRestServer venue = await VenueRestServer.StartAsync(BybitBodies(RealVenueMessages.BybitTickers(order.Select(r => (System.Text.Json.Nodes.JsonObject)r.DeepClone()))));
            SymbolSelection selection = await ResolveAsync(Options(venue.BaseUrl, "Bybit", ("AutoSymbols:Count", "3")));
            choices.Add(string.Join(' ', selection.Symbols));
        }

        Assert.That(choices, Is.EqualTo(Enumerable.Repeat("BTCUSDT SOLUSDT DOGEUSDT", 3)));
    }

    [Test]
    public async Task Resolve_OpenSymbolOutsideTheTopN_IsKept()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BybitBodies());
        SmallfishOptions options = Options(venue.BaseUrl, "Bybit", ("AutoSymbols:Count", "1"));
        await using ExchangeClients clients = new ExchangeClientFactory().Create(MarketDataService.PublicEndpointsFor(options, RunMode.Paper), new SecretsOptions(), new Smallfish.Exchanges.Abstractions.InstrumentCatalog());

        SymbolSelection selection = await StartupSymbolResolver.ResolveAsync(options, clients.Rest, ["ethusdt"], TimeProvider.System);

        Assert.That(selection.Symbols, Is.EqualTo(new[] { "BTCUSDT", "ETHUSDT" }));
        Assert.That(selection.Kept, Is.EqualTo(new[] { "ETHUSDT" }));
        Assert.That(selection.Instruments[1].TickSize, Is.EqualTo(0.01m));
    }

    [Test]
    public async Task Resolve_AutoSymbolsTickersUnreachableAndNoSymbols_ConfigurationError()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(new Dictionary<string, string> { ["/v5/market/instruments-info"] = RealVenueMessages.BybitInstrumentsLinear });
        SmallfishOptions options = Options(venue.BaseUrl, "Bybit", ("AutoSymbols:Count", "2"));
        options.Symbols = [];

        var errors = Assert.ThrowsAsync<ConfigurationErrors>(() => ResolveAsync(options))!;

        Assert.That(errors.Errors.Single().Key, Is.EqualTo("Smallfish:AutoSymbols:Count"));
    }

    [Test]
    public async Task RunContext_Selection_CatalogIdsFollowTheSymbolTable()
    {
        await using VenueRestServer venue = await VenueRestServer.StartAsync(BybitBodies());
        LoadedSmallfishConfiguration loaded = _dir.Load(new Dictionary<string, string?> { ["Exchange:Bybit:Mainnet:RestBaseUrl"] = venue.BaseUrl, ["AutoSymbols:Count"] = "2" });
        SymbolSelection selection = await ResolveAsync(loaded.Options);

        var context = new RunContext(loaded.Options, RunMode.Paper, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>(), selection);

        Assert.That(context.Symbols, Is.EqualTo(new[] { "BTCUSDT", "SOLUSDT" }));
        Assert.That(context.Catalog.TryGet("SOLUSDT", out InstrumentSpec? sol, out int id), Is.True);
        Assert.That((id, sol!.TickSize), Is.EqualTo((1, 0.01m)));
    }

    private static (string, decimal, decimal, decimal, decimal) Grid(InstrumentSpec spec) => (spec.Symbol, spec.TickSize, spec.QtyStep, spec.MinQty, spec.MinNotional);
}
