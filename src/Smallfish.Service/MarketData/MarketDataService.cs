using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Trading;

namespace Smallfish.Service.MarketData;

/// <summary>
/// Owns the venue's stream client and forwards public market data (order book, trades, ticker of every symbol) into
/// the engine loop. Connections reconnect and resync by themselves; this service only starts and stops them, logs
/// their state changes and asks for a book resync when the loop had to drop a book message.
/// </summary>
public sealed class MarketDataService : IHostedService, IExchangeTraffic, IAsyncDisposable
{
    /// <summary>Book depth subscribed on Bybit.</summary>
    public const int BookDepth = 50;

    private readonly RunContext _context;
    private readonly EngineLoop _loop;
    private readonly IExchangeClientFactory _clients;
    private readonly IMarketFrameParserProvider? _parsers;
    private readonly ILogger _logger;
    private readonly Channel<int> _resyncs = Channel.CreateBounded<int>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly HashSet<int> _pendingResyncs = [];
    private readonly CancellationTokenSource _stopping = new();
    private ExchangeClients? _exchange;
    private Task? _resyncLoop;

    /// <summary>Creates the service; <paramref name="parsers"/> null means no parser is available in this build.</summary>
    public MarketDataService(RunContext context, EngineLoop loop, IExchangeClientFactory clients, ILogger<MarketDataService> logger,
        IMarketFrameParserProvider? parsers = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _parsers = parsers;
    }

    /// <summary>True once the public streams were started.</summary>
    public bool Streaming => _exchange is not null;

    /// <inheritdoc />
    public long FramesReceived => _exchange?.Streams.Statistics.FramesReceived ?? 0;

    /// <inheritdoc />
    public long FramesHandled => _exchange?.Streams.Statistics.FramesHandled ?? 0;

    /// <inheritdoc />
    public int CommandsInFlight => 0;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IMarketFrameParser? parser = _parsers?.Create(_context.Options.Exchange.Name, _context.Catalog);
        if (parser is null)
        {
            MarketDataLog.NoParser(_logger, _context.ExchangeName);
            return;
        }

        var subscriptions = new List<MarketSubscription>();
        foreach (string symbol in _context.Symbols)
        {
            if (!_context.Catalog.TryGet(symbol, out _, out _))
            {
                MarketDataLog.NoInstrument(_logger, symbol);
                continue;
            }

            subscriptions.Add(new MarketSubscription(symbol, MarketChannel.OrderBook, BookDepth));
            subscriptions.Add(new MarketSubscription(symbol, MarketChannel.Trades));
            subscriptions.Add(new MarketSubscription(symbol, MarketChannel.Ticker));
        }

        if (subscriptions.Count == 0) return;
        try
        {
            ExchangeOptions endpoints = PublicEndpointsFor(_context);
            _exchange = _clients.Create(endpoints, new SecretsOptions(), _context.Catalog);
            _exchange.Streams.ConnectionChanged += OnConnectionChanged;
            _exchange.Streams.ResyncRequired += OnResyncRequired;
            _loop.BookDropped += OnBookDropped;
            _resyncLoop = RunResyncsAsync(_exchange.Streams, _stopping.Token);
            await _exchange.Streams.StartPublicAsync(subscriptions, parser, _loop.Market, cancellationToken).ConfigureAwait(false);
            MarketDataLog.Started(_logger, _context.ExchangeName, subscriptions.Count, endpoints.GetActiveEndpoints().PublicWsUrl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without market data the heartbeat reports the feed stale and entries stay stopped; the rest keeps running.
            MarketDataLog.StartFailed(_logger, _context.ExchangeName, ex);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _loop.BookDropped -= OnBookDropped;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _resyncs.Writer.TryComplete();
        ExchangeClients? exchange = Interlocked.Exchange(ref _exchange, null);
        if (exchange is not null)
        {
            try
            {
                await exchange.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MarketDataLog.StopFailed(_logger, ex);
            }
        }

        if (_resyncLoop is not null) await _resyncLoop.ConfigureAwait(false);
        MarketDataLog.Stopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        ExchangeClients? exchange = Interlocked.Exchange(ref _exchange, null);
        if (exchange is not null) await exchange.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>
    /// The exchange options whose active endpoints the public streams use. Paper trading reads the real market
    /// (mainnet public data: testnet books are thin and unlike the real one); it needs no keys and sends no order.
    /// </summary>
    public static ExchangeOptions PublicEndpointsFor(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PublicEndpointsFor(context.Options, context.Mode);
    }

    /// <summary>The same rule from the options and the mode (used at start, before the run context exists).</summary>
    public static ExchangeOptions PublicEndpointsFor(SmallfishOptions options, RunMode mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ExchangeOptions configured = options.Exchange;
        if (mode != RunMode.Paper) return configured;
        return new ExchangeOptions
        {
            Name = configured.Name,
            Testnet = false,
            RecvWindowMs = configured.RecvWindowMs,
            Bybit = configured.Bybit,
            Binance = configured.Binance,
        };
    }

    private void OnConnectionChanged(StreamConnectionEvent change) =>
        MarketDataLog.Connection(_logger, change.ConnectionId, change.IsPrivate ? "private" : "public", change.State.ToString(), change.Detail ?? "");

    private void OnResyncRequired(StreamResyncSignal signal) =>
        MarketDataLog.Resync(_logger, signal.Symbol ?? "(account)", signal.Reason.ToString());

    private void OnBookDropped(int symbolId)
    {
        lock (_pendingResyncs)
        {
            if (!_pendingResyncs.Add(symbolId)) return;
        }

        if (!_resyncs.Writer.TryWrite(symbolId))
        {
            lock (_pendingResyncs) _pendingResyncs.Remove(symbolId);
        }
    }

    private async Task RunResyncsAsync(IExchangeStreamClient streams, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (int symbolId in _resyncs.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                string symbol = symbolId >= 0 && symbolId < _context.Symbols.Count ? _context.Symbols[symbolId] : "";
                try
                {
                    if (symbol.Length > 0)
                    {
                        MarketDataLog.OverflowResync(_logger, symbol, _loop.Counters.DroppedMarketEvents);
                        await streams.RequestBookResyncAsync(symbol, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    MarketDataLog.ResyncFailed(_logger, symbol, ex);
                }
                finally
                {
                    lock (_pendingResyncs) _pendingResyncs.Remove(symbolId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
