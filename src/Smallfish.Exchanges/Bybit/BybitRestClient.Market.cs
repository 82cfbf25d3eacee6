using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Market data endpoints (no signature).</summary>
public sealed partial class BybitRestClient
{
    /// <inheritdoc />
    public Task<ExchangeResult<IReadOnlyList<ExchangeInstrument>>> GetInstrumentsAsync(CancellationToken ct = default) =>
        GetPagesAsync("/v5/market/instruments-info", BybitRequests.Instruments, signed: false, BybitMarketParser.ParseInstruments, ct);

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeTicker>>> GetTickersAsync(string? symbol = null, CancellationToken ct = default)
    {
        var r = await GetAsync("/v5/market/tickers", BybitRequests.Tickers(symbol), false, BybitMarketParser.ParseTickers, ct).ConfigureAwait(false);
        return r.Success ? ExchangeResult<IReadOnlyList<ExchangeTicker>>.Ok(r.Data, r.Raw) : r.AsFailure<IReadOnlyList<ExchangeTicker>>();
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeKline>>> GetKlinesAsync(string symbol, KlineInterval interval, int limit, CancellationToken ct = default)
    {
        var r = await GetAsync("/v5/market/kline", BybitRequests.Klines(symbol, interval, limit), false, BybitMarketParser.ParseKlines, ct).ConfigureAwait(false);
        return r.Success ? ExchangeResult<IReadOnlyList<ExchangeKline>>.Ok(r.Data, r.Raw) : r.AsFailure<IReadOnlyList<ExchangeKline>>();
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeTrade>>> GetRecentTradesAsync(string symbol, int limit, CancellationToken ct = default)
    {
        var r = await GetAsync("/v5/market/recent-trade", BybitRequests.SymbolLimit(symbol, limit), false, BybitMarketParser.ParseRecentTrades, ct).ConfigureAwait(false);
        return r.Success ? ExchangeResult<IReadOnlyList<ExchangeTrade>>.Ok(r.Data, r.Raw) : r.AsFailure<IReadOnlyList<ExchangeTrade>>();
    }

    /// <inheritdoc />
    public async Task<ExchangeResult<IReadOnlyList<ExchangeFundingRate>>> GetFundingHistoryAsync(string symbol, int limit, CancellationToken ct = default)
    {
        var r = await GetAsync("/v5/market/funding/history", BybitRequests.SymbolLimit(symbol, limit), false, BybitMarketParser.ParseFundingHistory, ct).ConfigureAwait(false);
        return r.Success ? ExchangeResult<IReadOnlyList<ExchangeFundingRate>>.Ok(r.Data, r.Raw) : r.AsFailure<IReadOnlyList<ExchangeFundingRate>>();
    }

    /// <inheritdoc />
    public Task<ExchangeResult<BookUpdate>> GetOrderBookAsync(string symbol, int depth, CancellationToken ct = default)
    {
        if (!TryGetSpec<BookUpdate>(symbol, out var spec, out int id, out var failure)) return Task.FromResult(failure);
        return GetAsync("/v5/market/orderbook", BybitRequests.OrderBook(symbol, depth), false,
            result => BybitMarketParser.ParseBook(result, spec, id, _clock.GetUnixTimeNs()), ct);
    }
}
