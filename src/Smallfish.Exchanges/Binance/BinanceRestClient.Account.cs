using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Binance;

/// <summary>Position, account, protective algo orders and user-stream keys.</summary>
public sealed partial class BinanceRestClient
{
    private const string ListenKeyPath = "/fapi/v1/listenKey";

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangePosition>>> GetPositionsAsync(string? symbol = null, CancellationToken ct = default)
    {
        var r = await SendAsync(HttpMethod.Get, "/fapi/v3/positionRisk", BinanceRequests.Symbol(symbol), true, true,
            root => ParseArray(root, BinanceAccountParser.ParsePositionRisk), ct).ConfigureAwait(false);
        if (r.Success && symbol is null) r.Data.RemoveAll(p => p.IsFlat); // v3 also lists symbols that only have open orders
        return AsList(r);
    }

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeWallet>> GetWalletAsync(CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, "/fapi/v3/balance", "", true, true, root => BinanceAccountParser.ParseBalance(root, _options.SettleCoin), ct);

    /// <inheritdoc />
    public async Task<ExchangeResult<bool>> SetLeverageAsync(string symbol, int leverage, CancellationToken ct = default)
    {
        var r = await SendAsync(HttpMethod.Post, "/fapi/v1/leverage", BinanceRequests.Leverage(symbol, leverage), true, false,
            root => root.Long("leverage") == leverage, ct).ConfigureAwait(false);
        return r.Success ? ExchangeResult<bool>.Ok(true, r.Raw) : r;
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<ProtectiveStops>> SetProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ProtectiveStops>(request.Symbol, out var spec, out _, out var failure)) return failure;
        if (request.StopLossTicks <= 0 && request.TakeProfitTicks <= 0) return ExchangeResult<ProtectiveStops>.Fail(ExchangeError.Local("no protective leg given"));
        string? stopId = null, takeId = null;
        string? raw = null;
        if (request.StopLossTicks > 0)
        {
            var sl = await PlaceLegAsync(request, OrderType.StopMarket, request.StopLossTicks, request.StopLossClientId, spec, ct).ConfigureAwait(false);
            if (!sl.Success) return sl.AsFailure<ProtectiveStops>();
            stopId = sl.Data.ExchangeOrderId;
            raw = sl.Raw;
        }
        if (request.TakeProfitTicks > 0)
        {
            var tp = await PlaceLegAsync(request, OrderType.TakeProfitMarket, request.TakeProfitTicks, request.TakeProfitClientId, spec, ct).ConfigureAwait(false);
            if (!tp.Success) return tp.AsFailure<ProtectiveStops>(); // a placed stop leg stays: protection never removed by a failed take-profit
            takeId = tp.Data.ExchangeOrderId;
            raw ??= tp.Raw;
        }
        return ExchangeResult<ProtectiveStops>.Ok(new ProtectiveStops(request.Symbol, stopId, takeId), raw);
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<bool>> CancelProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (string id in new[] { request.StopLossClientId, request.TakeProfitClientId })
        {
            if (string.IsNullOrEmpty(id)) continue;
            var r = await SendAsync(HttpMethod.Delete, "/fapi/v1/algoOrder", BinanceRequests.ByClientAlgoId(id), true, false, _ => true, ct).ConfigureAwait(false);
            if (!r.Success && r.RejectReason != RejectReason.OrderNotFound) return r;
        }
        return ExchangeResult<bool>.Ok(true);
    }

    /// <inheritdoc />
    public Task<ExchangeResult<string>> CreateListenKeyAsync(CancellationToken ct = default) =>
        SendListenKeyAsync(HttpMethod.Post, root => root.ReqStr("listenKey"), ct);

    /// <inheritdoc />
    public Task<ExchangeResult<bool>> KeepAliveListenKeyAsync(CancellationToken ct = default) =>
        SendListenKeyAsync(HttpMethod.Put, _ => true, ct);

    /// <inheritdoc />
    public Task<ExchangeResult<bool>> CloseListenKeyAsync(CancellationToken ct = default) =>
        SendListenKeyAsync(HttpMethod.Delete, _ => true, ct);

    private Task<ExchangeResult<ExchangeOrder>> PlaceLegAsync(ProtectiveStopsRequest r, OrderType type, long ticks, string clientId, Core.Instruments.InstrumentSpec spec, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/fapi/v1/algoOrder", BinanceRequests.ProtectiveLeg(r.Symbol, r.PositionSide, r.Slot, type, ticks, clientId, spec), true, false,
            BinanceOrderParser.ParseAlgoOrder, ct, protective: type == OrderType.StopMarket);

    private Task<ExchangeResult<T>> SendListenKeyAsync<T>(HttpMethod method, Func<System.Text.Json.JsonElement, T> parse, CancellationToken ct) =>
        _executor.SendAsync(new RestCall(method, ListenKeyPath, signed: false, idempotent: true, rateKey: BinanceProtocol.WeightKey) { ApiKeyOnly = true }, parse, ct);
}
