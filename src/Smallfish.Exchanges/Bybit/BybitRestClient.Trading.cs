using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Resilience;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Order endpoints (signed). Create/amend/cancel answers are acknowledgements only: the state arrives on the private stream.</summary>
public sealed partial class BybitRestClient
{
    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ExchangeOrder>(request.Symbol, out var spec, out _, out var failure)) return Task.FromResult(failure);
        string body = BybitRequests.CreateOrder(request, spec);
        return OrderPlacement.PlaceAsync(
            "bybit",
            request.ClientOrderId,
            token => PostAsync("/v5/order/create", body,
                r => BybitOrderParser.ParseAck(r, request.Symbol, request.Side, request.Type, request.TimeInForce, OrderStatus.PendingNew, NowMs()), token,
                ProtectiveCall.Is(request)),
            token => GetOrderAsync(request.Symbol, request.ClientOrderId, token),
            _log,
            ct);
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> AmendOrderAsync(AmendOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ExchangeOrder>(request.Symbol, out var spec, out _, out var failure)) return Task.FromResult(failure);
        return PostAsync("/v5/order/amend", BybitRequests.AmendOrder(request, spec),
            r => BybitOrderParser.ParseAck(r, request.Symbol, request.Side, OrderType.Limit, TimeInForce.GoodTillCancel, OrderStatus.New, NowMs()), ct,
            ProtectiveCall.IsClientId(request.ClientOrderId));
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        PostAsync("/v5/order/cancel", BybitRequests.CancelOrder(symbol, clientOrderId),
            r => BybitOrderParser.ParseAck(r, symbol, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, OrderStatus.PendingCancel, NowMs()), ct);

    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<string>>> CancelAllOrdersAsync(string symbol, CancellationToken ct = default) =>
        PostAsync<IReadOnlyList<string>>("/v5/order/cancel-all", BybitRequests.CancelAll(symbol), r =>
        {
            r.RequireObject("result");
            var ids = new List<string>();
            foreach (var o in r.Items("list")) ids.Add(o.Str("orderLinkId"));
            return ids;
        }, ct);

    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<ExchangeOrder>>> GetOpenOrdersAsync(string? symbol = null, CancellationToken ct = default) =>
        GetPagesAsync("/v5/order/realtime", c => BybitRequests.OrderQuery(symbol, _options.SettleCoin, null, c), signed: true,
            r => ListPage(r, BybitOrderParser.ParseOrder), ct);

    /// <inheritdoc />
    public async Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        // Open orders first, then history: an order that reached the venue may already be filled or cancelled.
        foreach (string path in new[] { "/v5/order/realtime", "/v5/order/history" })
        {
            var page = await GetAsync(path, BybitRequests.OrderQuery(symbol, _options.SettleCoin, clientOrderId, ""), true,
                r => ListPage(r, BybitOrderParser.ParseOrder), ct).ConfigureAwait(false);
            if (!page.Success) return page.AsFailure<ExchangeOrder>();
            foreach (var order in page.Data.Items)
            {
                if (order.ClientOrderId == clientOrderId) return ExchangeResult<ExchangeOrder>.Ok(order, page.Raw);
            }
        }
        return ExchangeResult<ExchangeOrder>.Fail(new ExchangeError(null, "order " + clientOrderId + " not found", RejectReason.OrderNotFound, IsTransient: false, HttpStatus: 200));
    }

    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<ExchangeFill>>> GetExecutionsAsync(string symbol, long startTimeMs = 0, CancellationToken ct = default) =>
        GetPagesAsync("/v5/execution/list", c => BybitRequests.Executions(symbol, startTimeMs, c), signed: true,
            r => ListPage(r, e => BybitOrderParser.ParseFill(e, fast: false)), ct);
}
