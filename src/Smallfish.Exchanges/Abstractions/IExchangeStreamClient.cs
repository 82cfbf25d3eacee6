using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// One venue's WebSocket streams. Public market data goes, as raw frames with their receive timestamps, through an
/// <see cref="IMarketFrameParser"/> into an <see cref="IMarketEventSink"/>; private account data is parsed here and
/// raised as typed events. Connections reconnect with backoff and jitter, resubscribe, and raise
/// <see cref="ResyncRequired"/>. Public events and signals are raised on the public consumer task, private ones on
/// the private consumer task, each strictly in arrival order; the engine marshals them onto its single writer.
/// </summary>
public interface IExchangeStreamClient : IAsyncDisposable
{
    /// <summary>Which venue.</summary>
    ExchangeKind Exchange { get; }

    /// <summary>Counters.</summary>
    StreamStatistics Statistics { get; }

    /// <summary>An order changed state (private stream).</summary>
    event Action<OrderUpdate>? OrderUpdated;

    /// <summary>An order filled, once per execution id (private stream).</summary>
    event Action<Fill>? FillReceived;

    /// <summary>A position row changed (private stream).</summary>
    event Action<ExchangePosition>? PositionUpdated;

    /// <summary>Balances changed (private stream).</summary>
    event Action<ExchangeWallet>? WalletUpdated;

    /// <summary>Derived state must be rebuilt (book resync or private re-pull).</summary>
    event Action<StreamResyncSignal>? ResyncRequired;

    /// <summary>A connection changed state.</summary>
    event Action<StreamConnectionEvent>? ConnectionChanged;

    /// <summary>Starts the public connections for <paramref name="subscriptions"/> (split across connections by venue limits).</summary>
    Task StartPublicAsync(IReadOnlyList<MarketSubscription> subscriptions, IMarketFrameParser parser, IMarketEventSink sink, CancellationToken ct = default);

    /// <summary>Starts the authenticated private connection.</summary>
    Task StartPrivateAsync(CancellationToken ct = default);

    /// <summary>Asks for a fresh book snapshot of <paramref name="symbol"/> (Bybit: resubscribe; Binance: REST snapshot).</summary>
    Task RequestBookResyncAsync(string symbol, CancellationToken ct = default);

    /// <summary>Closes all connections and stops the consumers.</summary>
    Task StopAsync();
}
