using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Position and account endpoints (signed).</summary>
public sealed partial class BybitRestClient
{
    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<ExchangePosition>>> GetPositionsAsync(string? symbol = null, CancellationToken ct = default) =>
        GetPagesAsync("/v5/position/list", c => BybitRequests.Positions(symbol, _options.SettleCoin, c), signed: true,
            r => ListPage(r, BybitAccountParser.ParsePosition), ct);

    /// <inheritdoc />
    public Task<ExchangeResult<ExchangeWallet>> GetWalletAsync(CancellationToken ct = default) =>
        GetAsync("/v5/account/wallet-balance", BybitRequests.Wallet(), true, r =>
        {
            r.RequireObject("result");
            foreach (var w in r.Items("list")) return BybitAccountParser.ParseWallet(w, NowMs());
            throw new FormatException("empty wallet list");
        }, ct);

    /// <inheritdoc />
    public async Task<ExchangeResult<bool>> SetLeverageAsync(string symbol, int leverage, CancellationToken ct = default)
    {
        var r = await PostAsync("/v5/position/set-leverage", BybitRequests.SetLeverage(symbol, leverage), _ => true, ct).ConfigureAwait(false);
        if (!r.Success && r.ErrorCode == 110043) return ExchangeResult<bool>.Ok(false, r.Raw); // "leverage not modified" is success
        return r;
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<ProtectiveStops>> SetProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<ProtectiveStops>(request.Symbol, out var spec, out _, out var failure)) return failure;
        if (request.StopLossTicks <= 0 && request.TakeProfitTicks <= 0) return ExchangeResult<ProtectiveStops>.Fail(ExchangeError.Local("no protective leg given"));
        var r = await PostAsync("/v5/position/trading-stop", BybitRequests.TradingStop(request, spec, clear: false), _ => true, ct,
            protective: request.StopLossTicks > 0).ConfigureAwait(false);
        return r.Success ? ExchangeResult<ProtectiveStops>.Ok(new ProtectiveStops(request.Symbol, null, null), r.Raw) : r.AsFailure<ProtectiveStops>();
    }

    /// <inheritdoc />
    public Task<ExchangeResult<bool>> CancelProtectiveStopsAsync(ProtectiveStopsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetSpec<bool>(request.Symbol, out var spec, out _, out var failure)) return Task.FromResult(failure);
        return PostAsync("/v5/position/trading-stop", BybitRequests.TradingStop(request, spec, clear: true), _ => true, ct);
    }
}
