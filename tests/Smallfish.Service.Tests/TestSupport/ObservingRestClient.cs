using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A real REST client with hooks: <see cref="BeforePlace"/> runs just before a placement goes to the venue and
/// <see cref="AfterPositions"/> just after a positions read returned, so a test can look at the journal at the moment
/// of sending or make the venue move between two start-up reads. Everything else passes straight through.
/// </summary>
internal sealed class ObservingRestClient(IExchangeRestClient inner) : IExchangeRestClient
{
    /// <summary>Runs before each placement is sent.</summary>
    public Action<OrderRequest>? BeforePlace { get; init; }

    /// <summary>Runs after each positions read, with the number of reads so far (1 = the first).</summary>
    public Func<int, Task>? AfterPositions { get; init; }

    public int PositionReads { get; private set; }

    public int ExecutionReads { get; private set; }

    public ExchangeKind Exchange => inner.Exchange;

    public long ServerTimeOffsetMs => inner.ServerTimeOffsetMs;

    public Task<ExchangeResult<ServerTimeInfo>> SyncServerTimeAsync(CancellationToken ct = default) => inner.SyncServerTimeAsync(ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeInstrument>>> GetInstrumentsAsync(CancellationToken ct = default) => inner.GetInstrumentsAsync(ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeTicker>>> GetTickersAsync(string? symbol = null, CancellationToken ct = default) => inner.GetTickersAsync(symbol, ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeKline>>> GetKlinesAsync(string symbol, KlineInterval interval, int limit, CancellationToken ct = default) =>
        inner.GetKlinesAsync(symbol, interval, limit, ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeTrade>>> GetRecentTradesAsync(string symbol, int limit, CancellationToken ct = default) =>
        inner.GetRecentTradesAsync(symbol, limit, ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeFundingRate>>> GetFundingHistoryAsync(string symbol, int limit, CancellationToken ct = default) =>
        inner.GetFundingHistoryAsync(symbol, limit, ct);

    public Task<ExchangeResult<BookUpdate>> GetOrderBookAsync(string symbol, int depth, CancellationToken ct = default) => inner.GetOrderBookAsync(symbol, depth, ct);

    public Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        BeforePlace?.Invoke(request);
        return inner.PlaceOrderAsync(request, ct);
    }

    public Task<ExchangeResult<ExchangeOrder>> AmendOrderAsync(AmendOrderRequest request, CancellationToken ct = default) => inner.AmendOrderAsync(request, ct);

    public Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        inner.CancelOrderAsync(symbol, clientOrderId, ct);

    public Task<ExchangeResult<IReadOnlyList<string>>> CancelAllOrdersAsync(string symbol, CancellationToken ct = default) => inner.CancelAllOrdersAsync(symbol, ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeOrder>>> GetOpenOrdersAsync(string? symbol = null, CancellationToken ct = default) =>
        inner.GetOpenOrdersAsync(symbol, ct);

    public Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        inner.GetOrderAsync(symbol, clientOrderId, ct);

    public async Task<ExchangeResult<IReadOnlyList<ExchangePosition>>> GetPositionsAsync(string? symbol = null, CancellationToken ct = default)
    {
        var result = await inner.GetPositionsAsync(symbol, ct);
        PositionReads++;
        if (AfterPositions is not null) await AfterPositions(PositionReads);
        return result;
    }

    public Task<ExchangeResult<ExchangeWallet>> GetWalletAsync(CancellationToken ct = default) => inner.GetWalletAsync(ct);

    public Task<ExchangeResult<bool>> SetLeverageAsync(string symbol, int leverage, CancellationToken ct = default) => inner.SetLeverageAsync(symbol, leverage, ct);

    public Task<ExchangeResult<ProtectiveStops>> SetProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default) =>
        inner.SetProtectiveStopsAsync(request, ct);

    public Task<ExchangeResult<bool>> CancelProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default) =>
        inner.CancelProtectiveStopsAsync(request, ct);

    public Task<ExchangeResult<IReadOnlyList<ExchangeFill>>> GetExecutionsAsync(string symbol, long startTimeMs = 0, CancellationToken ct = default)
    {
        ExecutionReads++;
        return inner.GetExecutionsAsync(symbol, startTimeMs, ct);
    }
}
