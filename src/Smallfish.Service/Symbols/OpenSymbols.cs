using Microsoft.Data.Sqlite;
using Smallfish.Core.Recovery;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Persistence.Reading;

namespace Smallfish.Service.Symbols;

/// <summary>
/// Symbols that must stay in the symbol table whatever the scanner says: those with an open position or working
/// orders in the journal or at the exchange. Dropping one would leave a position unmanaged after a restart.
/// </summary>
public static class OpenSymbols
{
    /// <summary>Symbols of the journal's last known positions and unfinished orders; none when there is no journal yet.</summary>
    public static IReadOnlyList<string> FromJournal(string databasePath, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!File.Exists(databasePath)) return [];
        try
        {
            using JournalReader reader = JournalReader.Open(databasePath);
            JournalRecovery recovery = reader.ReadRecovery();
            var symbols = new SortedSet<string>(StringComparer.Ordinal);
            foreach (KnownPosition position in recovery.Positions) symbols.Add(position.Symbol.ToUpperInvariant());
            foreach (KnownOrder order in recovery.OpenOrders) symbols.Add(order.Request.Symbol.ToUpperInvariant());
            return [.. symbols];
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            warnings.Add($"could not read open positions from the journal ({ex.GetType().Name}): symbols are chosen without them");
            return [];
        }
    }

    /// <summary>Symbols with a non-flat position or an open order at the exchange (signed calls; needs API keys).</summary>
    public static async Task<IReadOnlyList<string>> FromExchangeAsync(IExchangeRestClient rest, ICollection<string> warnings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(warnings);
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        var positions = await rest.GetPositionsAsync(null, ct).ConfigureAwait(false);
        if (positions.Success && positions.Data is not null)
        {
            foreach (ExchangePosition position in positions.Data)
            {
                if (position.Size != 0) symbols.Add(position.Symbol.ToUpperInvariant());
            }
        }
        else
        {
            warnings.Add($"could not read open positions from the exchange ({positions.Error?.Message ?? "no answer"}): symbols are chosen without them");
        }

        var orders = await rest.GetOpenOrdersAsync(null, ct).ConfigureAwait(false);
        if (orders.Success && orders.Data is not null)
        {
            foreach (ExchangeOrder order in orders.Data) symbols.Add(order.Symbol.ToUpperInvariant());
        }
        else
        {
            warnings.Add($"could not read open orders from the exchange ({orders.Error?.Message ?? "no answer"}): symbols are chosen without them");
        }

        return [.. symbols];
    }
}
