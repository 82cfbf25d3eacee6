using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Resilience;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Binance;

/// <summary>Order endpoints (signed). Conditional orders go to the algo service (<c>/fapi/v1/algoOrder</c>) since 2025-12-09.</summary>
public sealed partial class BinanceRestClient
{
    private const string OrderPath = "/fapi/v1/order";
    private const string AlgoPath = "/fapi/v1/algoOrder";

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ExchangeOrder>(request.Symbol, out var spec, out _, out var failure)) return Task.FromResult(failure);
        bool conditional = request.Type is OrderType.StopMarket or OrderType.TakeProfitMarket;
        string query = conditional ? BinanceRequests.NewAlgoOrder(request, spec) : BinanceRequests.NewOrder(request, spec);
        bool protective = ProtectiveCall.Is(request);
        return OrderPlacement.PlaceAsync(
            "binance",
            request.ClientOrderId,
            token => conditional
                ? SendAsync(HttpMethod.Post, AlgoPath, query, true, false, BinanceOrderParser.ParseAlgoOrder, token, protective)
                : SendAsync(HttpMethod.Post, OrderPath, query, true, false, BinanceOrderParser.ParseOrder, token, protective),
            token => conditional
                ? SendAsync(HttpMethod.Get, AlgoPath, BinanceRequests.ByClientAlgoId(request.ClientOrderId), true, true, BinanceOrderParser.ParseAlgoOrder, token)
                : GetOrderAsync(request.Symbol, request.ClientOrderId, token),
            _log,
            ct);
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> AmendOrderAsync(AmendOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ExchangeOrder>(request.Symbol, out var spec, out _, out var failure)) return Task.FromResult(failure);
        if (request.PriceTicks <= 0 || request.QtyLots <= 0)
        {
            return Task.FromResult(ExchangeResult<ExchangeOrder>.Fail(ExchangeError.Local("Binance modify needs both price and quantity", RejectReason.InvalidPriceOrQty)));
        }
        return SendAsync(HttpMethod.Put, OrderPath, BinanceRequests.ModifyOrder(request, spec), true, false, BinanceOrderParser.ParseOrder, ct,
            ProtectiveCall.IsClientId(request.ClientOrderId));
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, OrderPath, BinanceRequests.ByClientId(symbol, clientOrderId), true, false, BinanceOrderParser.ParseOrder, ct);

    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<string>>> CancelAllOrdersAsync(string symbol, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<string>>(HttpMethod.Delete, "/fapi/v1/allOpenOrders", BinanceRequests.Symbol(symbol), true, false, _ => Array.Empty<string>(), ct);

    /// <inheritdoc />
    /// <remarks>
    /// Conditional orders (stops, take-profit-market) live on the algo service and are not in <c>/fapi/v1/openOrders</c>:
    /// they are read from <c>/fapi/v1/openAlgoOrders</c> and listed after the plain orders. Both reads must succeed, or a
    /// restart would take a working stop for missing and place a second one.
    /// </remarks>
    public async Task<ExchangeResult<IReadOnlyList<ExchangeOrder>>> GetOpenOrdersAsync(string? symbol = null, CancellationToken ct = default)
    {
        var plain = await SendAsync(HttpMethod.Get, "/fapi/v1/openOrders", BinanceRequests.Symbol(symbol), true, true,
            root => ParseArray(root, BinanceOrderParser.ParseOrder), ct).ConfigureAwait(false);
        if (!plain.Success) return plain.AsFailure<IReadOnlyList<ExchangeOrder>>();
        var algo = await SendAsync(HttpMethod.Get, "/fapi/v1/openAlgoOrders", BinanceRequests.Symbol(symbol), true, true,
            root => ParseArray(root, BinanceOrderParser.ParseAlgoOrder), ct).ConfigureAwait(false);
        if (!algo.Success) return algo.AsFailure<IReadOnlyList<ExchangeOrder>>();
        plain.Data.AddRange(algo.Data);
        return ExchangeResult<IReadOnlyList<ExchangeOrder>>.Ok(plain.Data, plain.Raw);
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, OrderPath, BinanceRequests.ByClientId(symbol, clientOrderId), true, true, BinanceOrderParser.ParseOrder, ct);

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeFill>>> GetExecutionsAsync(string symbol, long startTimeMs = 0, CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/userTrades", BinanceRequests.UserTrades(symbol, startTimeMs), true, true,
            root => ParseArray(root, BinanceOrderParser.ParseUserTrade), ct).ConfigureAwait(false));
}
