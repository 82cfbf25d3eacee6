using Smallfish.Core.Scanning;
using Smallfish.Exchanges.Models;

namespace Smallfish.Service.Symbols;

/// <summary>
/// The service's use of <see cref="SymbolScanner"/>: the exchange's 24 h tickers become candidates, and the same
/// ranking rule as the backtest's <c>--auto N</c> picks the top N. Candidates are USDT perpetuals only: the symbol
/// ends in <c>USDT</c> (dated futures such as <c>BTCUSDT-26DEC25</c> or <c>BTCUSDT_250328</c> do not) and, when the
/// instruments listing is known, the exchange lists it as trading with quote asset USDT. A ticker with no turnover is
/// not a candidate. Pure and deterministic: the result does not depend on the order of the rows.
/// </summary>
public static class AutoSymbolRanking
{
    /// <summary>The <paramref name="count"/> best candidates among <paramref name="tickers"/>, best first.</summary>
    /// <param name="tickers">The tickers endpoint's rows.</param>
    /// <param name="listed">The instruments endpoint's listing by symbol, or null when it is unknown.</param>
    /// <param name="count">How many to pick (at least 1).</param>
    public static IReadOnlyList<SymbolRank> Top(IEnumerable<ExchangeTicker> tickers, IReadOnlyDictionary<string, ExchangeInstrument>? listed, int count)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var candidates = new Dictionary<string, SymbolActivity>(StringComparer.Ordinal);
        foreach (ExchangeTicker ticker in tickers)
        {
            if (!IsCandidate(ticker, listed)) continue;
            string symbol = ticker.Symbol.ToUpperInvariant();
            candidates.TryAdd(symbol, TickerActivity.FromTicker(symbol, ticker.Turnover24h, ticker.HighPrice24h, ticker.LowPrice24h));
        }

        return SymbolScanner.Top(candidates.Values, count);
    }

    /// <summary>True for a USDT perpetual with turnover (see the type's summary).</summary>
    public static bool IsCandidate(ExchangeTicker ticker, IReadOnlyDictionary<string, ExchangeInstrument>? listed)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        if (string.IsNullOrEmpty(ticker.Symbol) || !ticker.Symbol.EndsWith("USDT", StringComparison.OrdinalIgnoreCase)) return false;
        if (!(ticker.Turnover24h > 0)) return false;
        if (listed is null) return true;
        return listed.TryGetValue(ticker.Symbol.ToUpperInvariant(), out ExchangeInstrument? instrument)
            && instrument.IsTrading
            && string.Equals(instrument.QuoteAsset, "USDT", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The listing by upper-case symbol (the first row wins when a venue repeats one).</summary>
    public static Dictionary<string, ExchangeInstrument> ToListing(IEnumerable<ExchangeInstrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var listing = new Dictionary<string, ExchangeInstrument>(StringComparer.Ordinal);
        foreach (ExchangeInstrument instrument in instruments) listing.TryAdd(instrument.Spec.Symbol.ToUpperInvariant(), instrument);
        return listing;
    }
}
