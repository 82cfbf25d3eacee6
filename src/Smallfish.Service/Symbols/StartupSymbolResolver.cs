using System.Globalization;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Scanning;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Symbols;

/// <summary>
/// Decides the run's symbols and grids at start, before the host is built:
/// <list type="number">
/// <item>the instruments endpoint gives every symbol's grid; when it is unreachable, the <c>Smallfish:Instruments</c>
/// fallback grids are used and a warning says so;</item>
/// <item>with <c>AutoSymbols:Count</c> = N, the tickers endpoint is ranked (<see cref="AutoSymbolRanking"/>) and the top N
/// replace the configured <c>Symbols</c>; when the tickers are unreachable, the configured list is traded, with a warning;</item>
/// <item>symbols with an open position or working orders (the <c>open</c> argument of <see cref="ResolveAsync"/>) are
/// always kept;</item>
/// <item>a configured symbol the exchange does not list, or lists as not trading, is a one-line configuration error.</item>
/// </list>
/// </summary>
public static class StartupSymbolResolver
{
    private const string SymbolsKey = "Smallfish:Symbols";
    private const string AutoKey = "Smallfish:AutoSymbols:Count";

    /// <summary>Resolves the selection; throws <see cref="ConfigurationErrors"/> for unknown symbols or when nothing is left to trade.</summary>
    /// <param name="options">The validated configuration.</param>
    /// <param name="rest">The venue's REST client (public endpoints only are called).</param>
    /// <param name="open">Symbols that must stay (open positions or working orders), upper case.</param>
    /// <param name="clock">Stamps the scan.</param>
    /// <param name="ct">Cancels the calls.</param>
    public static async Task<SymbolSelection> ResolveAsync(SmallfishOptions options, IExchangeRestClient rest, IReadOnlyCollection<string> open,
        TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(clock);
        string venue = rest.Exchange.ToString().ToLowerInvariant();
        var warnings = new List<string>();

        ExchangeResult<IReadOnlyList<ExchangeInstrument>> instruments = await rest.GetInstrumentsAsync(ct).ConfigureAwait(false);
        Dictionary<string, ExchangeInstrument>? listing = instruments.Success && instruments.Data is { Count: > 0 } list ? AutoSymbolRanking.ToListing(list) : null;
        if (listing is null)
        {
            warnings.Add($"{venue} instruments endpoint unavailable ({Describe(instruments)}): using the Smallfish:Instruments fallback grids");
        }

        IReadOnlyList<SymbolRank> ranking = [];
        long scannedAtNs = 0;
        List<string> symbols = Configured(options);
        int autoCount = options.AutoSymbols.Count;
        if (autoCount > 0)
        {
            ExchangeResult<IReadOnlyList<ExchangeTicker>> tickers = await rest.GetTickersAsync(null, ct).ConfigureAwait(false);
            scannedAtNs = clock.GetUnixTimeNs();
            if (tickers.Success && tickers.Data is not null) ranking = AutoSymbolRanking.Top(tickers.Data, listing, autoCount);
            if (ranking.Count > 0)
            {
                symbols = [.. ranking.Select(r => r.Symbol)];
            }
            else if (symbols.Count > 0)
            {
                warnings.Add($"AutoSymbols: {venue} tickers {(tickers.Success ? "had no USDT perpetual to rank" : "endpoint unavailable (" + Describe(tickers) + ")")}: trading the configured Symbols {string.Join(' ', symbols)}");
            }
            else
            {
                string reason = tickers.Success ? "had no USDT perpetual to rank" : "endpoint is unavailable (" + Describe(tickers) + ")";
                throw new ConfigurationErrors([new ConfigurationError(AutoKey, autoCount.ToString(CultureInfo.InvariantCulture),
                    $"the {venue} tickers {reason} and {SymbolsKey} is empty: nothing to trade")]);
            }
        }

        var kept = new List<string>();
        foreach (string symbol in open)
        {
            string upper = symbol.ToUpperInvariant();
            if (symbols.Contains(upper, StringComparer.Ordinal)) continue;
            symbols.Add(upper);
            kept.Add(upper);
        }

        var errors = new List<ConfigurationError>();
        var tradable = new List<string>();
        var specs = new List<InstrumentSpec>();
        foreach (string symbol in symbols)
        {
            bool mustKeep = kept.Contains(symbol, StringComparer.Ordinal);
            if (listing is not null)
            {
                if (!listing.TryGetValue(symbol, out ExchangeInstrument? instrument))
                {
                    if (mustKeep) warnings.Add($"{symbol} has an open position or working orders but {venue} does not list it: it is not traded");
                    else errors.Add(new ConfigurationError(SymbolsKey, symbol, $"{venue} does not list {symbol} as a linear USDT contract"));
                    continue;
                }

                if (!instrument.IsTrading && !mustKeep)
                {
                    errors.Add(new ConfigurationError(SymbolsKey, symbol, $"{venue} lists {symbol} with status '{instrument.Status}', not trading"));
                    continue;
                }

                tradable.Add(symbol);
                specs.Add(instrument.Spec);
            }
            else if (options.Instruments.TryGetValue(symbol, out InstrumentOptions? grid))
            {
                tradable.Add(symbol);
                specs.Add(grid.ToSpec(symbol));
            }
            else
            {
                warnings.Add($"no instrument grid for {symbol}: the instruments endpoint is unavailable and Smallfish:Instruments:{symbol} is not set; it is not traded");
            }
        }

        if (errors.Count > 0) throw new ConfigurationErrors(errors);
        if (tradable.Count == 0)
        {
            throw new ConfigurationErrors([new ConfigurationError(SymbolsKey, string.Join(' ', symbols),
                "no symbol has an instrument grid (the instruments endpoint is unavailable and Smallfish:Instruments has none of them): nothing to trade")]);
        }

        return new SymbolSelection(tradable, specs, listing is null ? InstrumentGridSource.Configuration : InstrumentGridSource.Exchange,
            autoCount, ranking, kept, warnings, scannedAtNs);
    }

    private static List<string> Configured(SmallfishOptions options)
    {
        var symbols = new List<string>();
        foreach (string configured in options.Symbols)
        {
            string symbol = configured.ToUpperInvariant();
            if (!symbols.Contains(symbol, StringComparer.Ordinal)) symbols.Add(symbol);
        }

        return symbols;
    }

    private static string Describe<T>(ExchangeResult<T> result) =>
        result.Success ? "empty answer" : result.Error?.Message ?? "no answer";
}
