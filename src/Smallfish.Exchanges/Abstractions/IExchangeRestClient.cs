using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// One venue's REST API, normalized. Every call returns an <see cref="ExchangeResult{T}"/> and never throws for
/// venue or network failures (only for caller cancellation). Signed calls use server-offset-corrected timestamps and
/// resync the offset and retry once on a timestamp-window error. Idempotent reads are retried with jitter on transient
/// failures; writes never are, and a placement whose outcome is unknown is first looked up by its client order id.
/// </summary>
public interface IExchangeRestClient
{
    /// <summary>Which venue this client speaks to.</summary>
    ExchangeKind Exchange { get; }

    /// <summary>Server time minus local time as last measured, ms (0 before the first sync).</summary>
    long ServerTimeOffsetMs { get; }

    /// <summary>Measures the server clock offset and round trip and adopts the offset.</summary>
    Task<ExchangeResult<ServerTimeInfo>> SyncServerTimeAsync(CancellationToken ct = default);

    /// <summary>All tradable linear USDT contracts (follows pagination).</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeInstrument>>> GetInstrumentsAsync(CancellationToken ct = default);

    /// <summary>24 h statistics and funding; all symbols when <paramref name="symbol"/> is null.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeTicker>>> GetTickersAsync(string? symbol = null, CancellationToken ct = default);

    /// <summary>Candles, oldest first.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeKline>>> GetKlinesAsync(string symbol, KlineInterval interval, int limit, CancellationToken ct = default);

    /// <summary>Recent public trades, oldest first.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeTrade>>> GetRecentTradesAsync(string symbol, int limit, CancellationToken ct = default);

    /// <summary>Settled funding rates, oldest first.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeFundingRate>>> GetFundingHistoryAsync(string symbol, int limit, CancellationToken ct = default);

    /// <summary>An order-book snapshot as a <see cref="BookUpdate"/> of kind snapshot (needs the symbol in the instrument lookup).</summary>
    Task<ExchangeResult<BookUpdate>> GetOrderBookAsync(string symbol, int depth, CancellationToken ct = default);

    /// <summary>
    /// Places an order. If the answer is lost (timeout, 5xx) or names the client id a duplicate, the order is looked
    /// up by its client id: found means it reached the venue and is returned; a second create is sent only when the
    /// lookup proves the first never arrived.
    /// </summary>
    Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default);

    /// <summary>Changes price and/or quantity of a resting limit order.</summary>
    Task<ExchangeResult<ExchangeOrder>> AmendOrderAsync(AmendOrderRequest request, CancellationToken ct = default);

    /// <summary>Cancels an order by client id.</summary>
    Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default);

    /// <summary>Cancels every open order of a symbol; returns the client ids the venue reported (Binance reports none).</summary>
    Task<ExchangeResult<IReadOnlyList<string>>> CancelAllOrdersAsync(string symbol, CancellationToken ct = default);

    /// <summary>Open orders of a symbol, or of all symbols settled in USDT when <paramref name="symbol"/> is null.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeOrder>>> GetOpenOrdersAsync(string? symbol = null, CancellationToken ct = default);

    /// <summary>One order by client id, open or recently closed; fails with <see cref="RejectReason.OrderNotFound"/> when the venue does not know it.</summary>
    Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default);

    /// <summary>Positions of a symbol, or all non-flat USDT positions when <paramref name="symbol"/> is null.</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangePosition>>> GetPositionsAsync(string? symbol = null, CancellationToken ct = default);

    /// <summary>Account equity and balances.</summary>
    Task<ExchangeResult<ExchangeWallet>> GetWalletAsync(CancellationToken ct = default);

    /// <summary>Sets leverage; Data is false when it already had that value (Bybit 110043 is success, not an error).</summary>
    Task<ExchangeResult<bool>> SetLeverageAsync(string symbol, int leverage, CancellationToken ct = default);

    /// <summary>Sets protective stop-loss / take-profit for a position (Bybit trading-stop, Binance algo orders).</summary>
    Task<ExchangeResult<ProtectiveStops>> SetProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default);

    /// <summary>Removes protective legs (Bybit: sets them to "0"; Binance: deletes the algo orders by client id, already-gone is success).</summary>
    Task<ExchangeResult<bool>> CancelProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default);

    /// <summary>The account's executions of a symbol since <paramref name="startTimeMs"/> (0 = the venue's default window).</summary>
    Task<ExchangeResult<IReadOnlyList<ExchangeFill>>> GetExecutionsAsync(string symbol, long startTimeMs = 0, CancellationToken ct = default);
}
