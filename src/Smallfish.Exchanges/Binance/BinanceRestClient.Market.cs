using System.Text.Json;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Binance;

/// <summary>Market data endpoints (no signature).</summary>
public sealed partial class BinanceRestClient
{
    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeInstrument>>> GetInstrumentsAsync(CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/exchangeInfo", "", false, true, BinanceMarketParser.ParseExchangeInfo, ct).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeTicker>>> GetTickersAsync(string? symbol = null, CancellationToken ct = default)
    {
        string query = BinanceRequests.Symbol(symbol);
        var stats = await SendAsync(HttpMethod.Get, "/fapi/v1/ticker/24hr", query, false, true, e => e.Clone(), ct).ConfigureAwait(false);
        if (!stats.Success) return stats.AsFailure<IReadOnlyList<ExchangeTicker>>();
        var premium = await SendAsync(HttpMethod.Get, "/fapi/v1/premiumIndex", query, false, true, e => e.Clone(), ct).ConfigureAwait(false);
        if (!premium.Success) return premium.AsFailure<IReadOnlyList<ExchangeTicker>>();
        try
        {
            return ExchangeResult<IReadOnlyList<ExchangeTicker>>.Ok(BinanceMarketParser.MergeTickers(stats.Data, premium.Data), stats.Raw);
        }
        catch (Exception ex) when (Json.ParseGuard.IsMalformedPayload(ex))
        {
            return ExchangeResult<IReadOnlyList<ExchangeTicker>>.Fail(ExchangeError.Malformed("unreadable ticker: " + ex.Message, 200), stats.Raw);
        }
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeKline>>> GetKlinesAsync(string symbol, KlineInterval interval, int limit, CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/klines", BinanceRequests.Klines(symbol, interval, limit), false, true, BinanceMarketParser.ParseKlines, ct).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeTrade>>> GetRecentTradesAsync(string symbol, int limit, CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/aggTrades", BinanceRequests.SymbolLimit(symbol, limit), false, true,
            root => BinanceMarketParser.ParseAggTrades(root, symbol), ct).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeFundingRate>>> GetFundingHistoryAsync(string symbol, int limit, CancellationToken ct = default) =>
        AsList(await SendAsync(HttpMethod.Get, "/fapi/v1/fundingRate", BinanceRequests.SymbolLimit(symbol, limit), false, true,
            BinanceMarketParser.ParseFundingRates, ct).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<ExchangeResult<BookUpdate>> GetOrderBookAsync(string symbol, int depth, CancellationToken ct = default)
    {
        if (!TryGetSpec<BookUpdate>(symbol, out var spec, out int id, out var failure)) return Task.FromResult(failure);
        return SendAsync(HttpMethod.Get, "/fapi/v1/depth", BinanceRequests.Depth(symbol, depth), false, true,
            (JsonElement root) => BinanceMarketParser.ParseDepth(root, spec, id, _clock.GetUnixTimeNs()), ct);
    }
}
