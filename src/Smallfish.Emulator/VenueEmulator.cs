using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Binance;
using Smallfish.Emulator.Bybit;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Feed;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Emulator;

/// <summary>
/// The loopback venue emulator: a Kestrel server (127.0.0.1, port 0 by default) that speaks the subset of Bybit v5 and
/// Binance USD-M REST and WebSocket that Smallfish uses, with the real paths, signatures, envelopes and error codes,
/// backed by ONE shared <see cref="Simulation.Venue.SimulatedVenue"/> (the backtest's fill model) and fed by a
/// replayed or synthetic market stream. Faults are switched per test through <see cref="Faults"/>.
/// </summary>
/// <remarks>
/// Point the gateway clients at <see cref="Endpoints"/> with <see cref="Credentials"/>. Drive the market with
/// <see cref="Feed"/> (step by step, or in the background at a speed factor) or push events into <see cref="Market"/>.
/// Both protocols share the venue, the book and the account: an order placed over Bybit shows in Binance's open orders.
/// </remarks>
public sealed class VenueEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorVenue _venue;
    private readonly ConnectionSet _connections;
    private readonly BybitPublisher? _bybit;
    private readonly BinancePublisher? _binance;
    private readonly ListenKeyRegistry _keys;
    private readonly ITimer _maintenance;

    private VenueEmulator(VenueEmulatorOptions options, WebApplication app, EmulatorVenue venue, ConnectionSet connections, BybitPublisher? bybit,
        BinancePublisher? binance, ListenKeyRegistry keys, EmulatorFaults faults, EmulatorStatistics stats, MarketFeedDriver feed)
    {
        Options = options;
        _app = app;
        _venue = venue;
        _connections = connections;
        _bybit = bybit;
        _binance = binance;
        _keys = keys;
        Faults = faults;
        Statistics = stats;
        Feed = feed;
        _maintenance = options.Clock.CreateTimer(static s => ((VenueEmulator)s!).Maintain(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The settings it runs with.</summary>
    public VenueEmulatorOptions Options { get; }

    /// <summary>The bound port.</summary>
    public int Port { get; private init; }

    /// <summary><c>http://host:port</c>.</summary>
    public Uri BaseUri { get; private init; } = null!;

    /// <summary>The market stream driver (step it in tests, start it for a live-like run).</summary>
    public MarketFeedDriver Feed { get; }

    /// <summary>Pushes market events straight into the venue (thread-safe; events are stamped with the server clock).</summary>
    public IMarketEventSink Market => _venue;

    /// <summary>Fault injection switches.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>What has been served.</summary>
    public EmulatorStatistics Statistics { get; }

    /// <summary>The account's credentials, for the gateway clients.</summary>
    public ApiCredentials Credentials => new(Options.ApiKey, Options.ApiSecret);

    /// <summary>Starts the emulator; throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public static async Task<VenueEmulator> StartAsync(VenueEmulatorOptions options, IMarketFeedSource? feed = null, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (!IPAddress.TryParse(options.Host, out var address)) errors.Add($"Host: '{options.Host}' is not an IP address");
        else if (!IPAddress.IsLoopback(address) && !options.AllowNonLoopback) errors.Add($"Host: {options.Host} is not loopback; set AllowNonLoopback to bind it deliberately");
        if (errors.Count > 0) throw new ArgumentException("invalid venue emulator options:\n" + string.Join("\n", errors), nameof(options));

        var venue = new EmulatorVenue(options);
        var stats = new EmulatorStatistics();
        var faults = new EmulatorFaults(options.FaultSeed, venue.VenueFaults);
        venue.Faults = faults;
        var connections = new ConnectionSet();
        var keys = new ListenKeyRegistry(options.ListenKeyLifetime, options.FaultSeed);
        var router = new RestRouter(faults, stats, options.Clock);
        BybitPublisher? bybit = null;
        BinancePublisher? binance = null;
        if (options.Surfaces.HasFlag(EmulatorSurfaces.Bybit))
        {
            bybit = new BybitPublisher(venue, faults, stats);
            venue.AddListener(bybit);
            new BybitRestSurface(venue, bybit, options).Map(router);
        }
        if (options.Surfaces.HasFlag(EmulatorSurfaces.Binance))
        {
            binance = new BinancePublisher(venue, faults, stats, keys);
            venue.AddListener(binance);
            new BinanceRestSurface(venue, binance, options).Map(router);
        }
        var sockets = new WebSocketEndpoints(venue, connections, faults, stats, options, bybit, binance);
        faults.DropHandler = connections.Drop;
        faults.ExpireListenKeysHandler = () => binance?.ExpireListenKeys(force: true) ?? 0;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggers is not null) builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrel(k => k.Listen(address!, options.Port));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSocketKeepAlive });
        app.Run(ctx => sockets.IsWebSocketPath(ctx.Request.Path.Value ?? "") ? sockets.HandleAsync(ctx) : router.HandleAsync(ctx));
        await app.StartAsync(ct).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(bound).Port;
        var driver = new MarketFeedDriver(feed, venue, options.Clock);
        return new VenueEmulator(options, app, venue, connections, bybit, binance, keys, faults, stats, driver)
        {
            Port = port,
            BaseUri = new Uri($"http://{FormatHost(address!)}:{port}"),
        };
    }

    /// <summary>The endpoints a gateway client of <paramref name="kind"/> uses to reach this emulator (same paths as the venue).</summary>
    public ExchangeEndpoints Endpoints(ExchangeKind kind)
    {
        string http = BaseUri.ToString().TrimEnd('/');
        string ws = "ws" + http[4..];
        return kind == ExchangeKind.Bybit
            ? new ExchangeEndpoints(new Uri(http), new Uri(ws + "/v5/public/linear"), new Uri(ws + "/v5/private"))
            : new ExchangeEndpoints(new Uri(http), new Uri(ws + "/public"), new Uri(ws + "/private"), new Uri(ws + "/market"));
    }

    /// <summary>The top <paramref name="depth"/> levels of the venue's book (what subscribers' books converge to).</summary>
    public BookUpdate GetBook(string symbol, int depth = 1000) => _venue.BookSnapshot(SymbolId(symbol), depth);

    /// <summary>
    /// What a protocol's book stream has published for <paramref name="symbol"/> (Bybit: the <paramref name="depth"/>
    /// topic's state; Binance: the diff stream's top 1000), with its last update id.
    /// </summary>
    public BookUpdate GetPublishedBook(ExchangeKind kind, string symbol, int depth = 50)
    {
        int id = SymbolId(symbol);
        lock (_venue.Gate)
        {
            if (kind == ExchangeKind.Bybit) return (_bybit ?? throw new InvalidOperationException("Bybit is not served")).PublishedBook(id, depth);
            return (_binance ?? throw new InvalidOperationException("Binance is not served")).PublishedBook(id);
        }
    }

    /// <summary>Create requests received for a client order id (duplicates included): a retried placement must leave 1.</summary>
    public int OrderCreates(string clientOrderId) => _venue.Creates(clientOrderId);

    /// <summary>
    /// Creates refused because the venue already held an order with that client id: a client that re-sent an id the
    /// venue had accepted (0 is correct; a re-send after a refused or never-executed attempt is not counted).
    /// </summary>
    public int DuplicateCreates(string clientOrderId) => _venue.Duplicates(clientOrderId);

    /// <summary>An order by client id, or null.</summary>
    public EmulatedOrderInfo? GetOrder(string clientOrderId) => _venue.OrderInfo(clientOrderId);

    /// <summary>Working orders (resting, armed conditional), optionally of one symbol.</summary>
    public IReadOnlyList<EmulatedOrderInfo> OpenOrders(string? symbol = null) => _venue.OpenOrders(symbol);

    /// <summary>The simulated venue's position and ledgers of a symbol.</summary>
    public VenuePosition GetPosition(string symbol) => _venue.VenuePosition(symbol);

    /// <summary>Every order the venue accepted (open and closed, all sessions of the emulator), in acceptance order.</summary>
    public IReadOnlyList<EmulatedOrderInfo> AllOrders() => _venue.AllOrders();

    /// <summary>Every execution booked (the newest 100,000), in order, with the server time.</summary>
    public IReadOnlyList<EmulatedExecution> Executions() => _venue.AllExecutions();

    /// <summary>Funding paid by the account so far, USDT (negative: received).</summary>
    public decimal FundingPaid => _venue.FundingPaid;

    /// <summary>Wallet balance, USDT.</summary>
    public decimal WalletBalance => _venue.Balance;

    /// <summary>Binance listen keys created so far.</summary>
    public int ListenKeysCreated
    {
        get { lock (_venue.Gate) return _keys.Created; }
    }

    /// <summary>
    /// Private streams ready to receive account events: Bybit connections authenticated and subscribed to <c>order</c>,
    /// Binance user-data connections on a valid listen key. Wait for this before trading in a test.
    /// </summary>
    public int PrivateSubscribers(EmulatorSurfaces surfaces = EmulatorSurfaces.Both)
    {
        lock (_venue.Gate)
        {
            int n = 0;
            if (surfaces.HasFlag(EmulatorSurfaces.Bybit) && _bybit is not null) n += _bybit.PrivateSubscribers;
            if (surfaces.HasFlag(EmulatorSurfaces.Binance) && _binance is not null) n += _binance.UserSubscribers(_venue.NowMs());
            return n;
        }
    }

    /// <summary>
    /// Makes every open WebSocket connection hold its frames until <see cref="ReleaseFrames"/>: a lockstep driver uses it
    /// to hand a client the account reports an input caused before that input's market frames, the order a backtest's
    /// engine sees them in (docs/reliability.md, "Parity through the emulator"). Not for normal runs.
    /// </summary>
    public void HoldFrames() => _connections.Hold();

    /// <summary>Sends the frames the connections of <paramref name="kind"/> held, in order; they keep holding unless <paramref name="keepHolding"/> is false.</summary>
    public int ReleaseFrames(EmulatorStreamKind kind, bool keepHolding = true) => _connections.Release(kind, keepHolding);

    /// <summary>Frames held back now.</summary>
    public int HeldFrames => _connections.Held;

    /// <summary>Open WebSocket connections of a protocol and kind.</summary>
    public int OpenConnections(EmulatorSurfaces surfaces = EmulatorSurfaces.Both, EmulatorStreamKind kind = EmulatorStreamKind.All) => _connections.CountOpen(surfaces, kind);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync().ConfigureAwait(false);
        await _maintenance.DisposeAsync().ConfigureAwait(false);
        _connections.Drop(EmulatorSurfaces.Both, EmulatorStreamKind.All);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // connections that would not close are abandoned
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Maintain()
    {
        _venue.Tick();
        _binance?.ExpireListenKeys(force: false);
    }

    private int SymbolId(string symbol) => _venue.TryGetSymbol(symbol, out int id) ? id : throw new ArgumentException("unknown symbol " + symbol, nameof(symbol));

    private static string FormatHost(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
}
