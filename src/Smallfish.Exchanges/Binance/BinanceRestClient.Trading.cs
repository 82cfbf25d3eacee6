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
        bool conditional = request.Type.IsConditional();
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
        if (request.Conditional)
        {
            // binance-usdm.md 4.4: an untriggered algo order cannot be modified; the engine moves its stops by cancel + re-place.
            return Task.FromResult(ExchangeResult<ExchangeOrder>.Fail(ExchangeError.Local("Binance cannot modify a conditional (algo) order: cancel and place a new one", RejectReason.Other)));
        }
        // binance-usdm.md 4.5: both quantity and price are mandatory; an amend that changes one carries the other unchanged.
        long price = request.EffectivePriceTicks, qty = request.EffectiveQtyLots;
        if (price <= 0 || qty <= 0)
        {
            return Task.FromResult(ExchangeResult<ExchangeOrder>.Fail(ExchangeError.Local("Binance modify needs both price and quantity", RejectReason.InvalidPriceOrQty)));
        }
        return SendAsync(HttpMethod.Put, OrderPath, BinanceRequests.ModifyOrder(request with { PriceTicks = price, QtyLots = qty }, spec), true, false, BinanceOrderParser.ParseOrder, ct,
            ProtectiveCall.IsClientId(request.ClientOrderId));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Conditional orders live on the algo service and are cancelled there (<c>DELETE /fapi/v1/algoOrder</c>,
    /// binance-usdm.md 4.4). A Smallfish stop-loss id goes there directly; any other id tries the order service first and
    /// the algo service when the order service does not know it (a take-profit-market order, or an order of an earlier run).
    /// </remarks>
    public async Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        if (!IsAlgoId(clientOrderId))
        {
            var plain = await SendAsync(HttpMethod.Delete, OrderPath, BinanceRequests.ByClientId(symbol, clientOrderId), true, false, BinanceOrderParser.ParseOrder, ct)
                .ConfigureAwait(false);
            if (plain.Success || plain.RejectReason != RejectReason.OrderNotFound) return plain;
        }
        return await SendAsync(HttpMethod.Delete, AlgoPath, BinanceRequests.ByClientAlgoId(clientOrderId), true, false,
            root => BinanceOrderParser.ParseAlgoCancel(root, symbol), ct).ConfigureAwait(false);
    }

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
    /// <remarks>Conditional orders are looked up on the algo service, as <see cref="CancelOrderAsync"/> routes them.</remarks>
    public async Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        if (!IsAlgoId(clientOrderId))
        {
            var plain = await SendAsync(HttpMethod.Get, OrderPath, BinanceRequests.ByClientId(symbol, clientOrderId), true, true, BinanceOrderParser.ParseOrder, ct)
                .ConfigureAwait(false);
            if (plain.Success || plain.RejectReason != RejectReason.OrderNotFound) return plain;
        }
        return await SendAsync(HttpMethod.Get, AlgoPath, BinanceRequests.ByClientAlgoId(clientOrderId), true, true, BinanceOrderParser.ParseAlgoOrder, ct)
            .ConfigureAwait(false);
    }

    /// <summary>True for a Smallfish stop-loss id: always a conditional order, so always on the algo service.</summary>
    private static bool IsAlgoId(string clientOrderId) =>
        ClientOrderId.TryParse(clientOrderId, out var parts) && parts.Role == OrderRole.StopLoss;

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeFill>>> GetExecutionsAsync(string symbol, long startTimeMs = 0, CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/userTrades", BinanceRequests.UserTrades(symbol, startTimeMs), true, true,
            root => ParseArray(root, BinanceOrderParser.ParseUserTrade), ct).ConfigureAwait(false));
}
