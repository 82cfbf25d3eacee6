using Smallfish.Core.Configuration;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Runtime;
using Smallfish.Persistence.Journal;
using Smallfish.Service.MarketData;

namespace Smallfish.Service.Symbols;

/// <summary>
/// The start-up step between configuration and host: collects the symbols that must stay (journal, and in testnet and
/// live the exchange's open positions and orders), then runs <see cref="StartupSymbolResolver"/> against the run's
/// venue (mainnet public data in paper mode, the emulator offline). Calls are short: one retry, five-second timeout.
/// </summary>
public static class SymbolBootstrap
{
    /// <summary>REST settings of the start-up calls: fail over to the fallback grids quickly when the venue is down.</summary>
    public static RestClientOptions StartupRestOptions() => new()
    {
        ReadRetries = 1,
        RequestTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        RetryMaxDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>Resolves the run's symbols; throws <c>ConfigurationErrors</c> (one line each) for symbols the exchange does not list.</summary>
    public static async Task<SymbolSelection> ResolveAsync(SmallfishOptions options, RunMode mode, IExchangeClientFactory clients, TimeProvider clock,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(clock);
        var warnings = new List<string>();
        var open = new SortedSet<string>(StringComparer.Ordinal);
        string journal = new SqliteJournalOptions { DataDirectory = options.Journal.DataDirectory }.DatabasePath;
        open.UnionWith(OpenSymbols.FromJournal(journal, warnings));

        if (mode is RunMode.Testnet or RunMode.Live && options.Secrets.HasExchangeCredentials)
        {
            await using ExchangeClients signed = clients.Create(options.Exchange, options.Secrets, new InstrumentCatalog(), StartupRestOptions());
            open.UnionWith(await OpenSymbols.FromExchangeAsync(signed.Rest, warnings, ct).ConfigureAwait(false));
        }

        ExchangeOptions endpoints = MarketDataService.PublicEndpointsFor(options, mode);
        await using ExchangeClients exchange = clients.Create(endpoints, new SecretsOptions(), new InstrumentCatalog(), StartupRestOptions());
        SymbolSelection selection = await StartupSymbolResolver.ResolveAsync(options, exchange.Rest, open, clock, ct).ConfigureAwait(false);
        return warnings.Count == 0 ? selection : selection with { Warnings = [.. warnings, .. selection.Warnings] };
    }
}
