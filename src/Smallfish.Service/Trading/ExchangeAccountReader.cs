using Smallfish.Core.Domain;
using Smallfish.Core.Recovery;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Recovery;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Service.Trading;

/// <summary>
/// Reads what the exchange holds at start-up (docs/execution.md, "Restart: reconciliation", step 3): positions, open
/// orders (plain and conditional), the recent executions of every symbol with a position or an open order (on the
/// exchange or in the journal), last prices and the wallet, converted onto the
/// instrument grid. A read that fails stops the start: trading on a guess of what the exchange holds is not an option.
/// </summary>
public static class ExchangeAccountReader
{
    /// <summary>Fills the exchange's part of a <see cref="ReconciliationInput"/>; <paramref name="known"/> resolves executions that lack a client id.</summary>
    public static async Task<(ReconciliationInput Input, decimal? Equity)> ReadAsync(IExchangeRestClient rest, IInstrumentLookup instruments,
        IReadOnlyList<string> symbols, JournalRecovery known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(known);
        await rest.SyncServerTimeAsync(ct).ConfigureAwait(false);

        var positions = new List<ExchangeNetPosition>();
        foreach (ExchangePosition p in Require(await rest.GetPositionsAsync(null, ct).ConfigureAwait(false), "positions"))
        {
            if (ReconciliationNormalizer.TryToNetPosition(p, instruments, out var net)) positions.Add(net);
        }

        var orders = new List<ExchangeOpenOrder>();
        var byExchangeId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KnownOrder k in known.OpenOrders)
        {
            if (k.ExchangeOrderId is { Length: > 0 } id) byExchangeId[id] = k.ClientOrderId;
        }

        foreach (ExchangeOrder o in Require(await rest.GetOpenOrdersAsync(null, ct).ConfigureAwait(false), "open orders"))
        {
            if (o.ExchangeOrderId.Length > 0 && o.ClientOrderId.Length > 0) byExchangeId[o.ExchangeOrderId] = o.ClientOrderId;
            if (ReconciliationNormalizer.TryToOpenOrder(o, instruments, out var open)) orders.Add(open);
        }

        // Executions only where something can have filled: symbols with a position (exchange or journal) or an open order
        // (exchange or journal). One tickers call covers every symbol. This keeps a start with hundreds of symbols fast.
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in positions) active.Add(p.Symbol);
        foreach (var o in orders) active.Add(o.Symbol);
        foreach (KnownOrder k in known.OpenOrders) active.Add(k.Request.Symbol);
        foreach (KnownPosition k in known.Positions) active.Add(k.Symbol);
        var executions = new List<Fill>();
        foreach (string symbol in symbols)
        {
            if (!active.Contains(symbol)) continue;
            foreach (ExchangeFill f in Require(await rest.GetExecutionsAsync(symbol, 0, ct).ConfigureAwait(false), "executions of " + symbol))
            {
                string clientId = f.ClientOrderId.Length > 0 ? f.ClientOrderId : byExchangeId.GetValueOrDefault(f.ExchangeOrderId, "");
                if (clientId.Length > 0 && ExecutionNormalizer.TryToFill(f, instruments, clientId, out Fill fill)) executions.Add(fill);
            }
        }

        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        var tickers = await rest.GetTickersAsync(null, ct).ConfigureAwait(false);
        if (tickers.Success && tickers.Data is { } list)
        {
            foreach (ExchangeTicker t in list)
            {
                if (ReconciliationNormalizer.TryToLastPriceTicks(t, instruments, out long ticks)) prices[t.Symbol] = ticks;
            }
        }

        executions.Sort(static (a, b) => a.TsNs.CompareTo(b.TsNs));
        ExchangeWallet wallet = Require(await rest.GetWalletAsync(ct).ConfigureAwait(false), "wallet");
        decimal? equity = wallet.TotalEquity ?? wallet.WalletBalance;
        var input = new ReconciliationInput
        {
            Positions = positions,
            OpenOrders = orders,
            Executions = executions,
            LastPriceTicks = prices,
            Journal = known,
            ExchangeEquity = equity is > 0 ? equity : null,
        };
        return (input, equity);
    }

    private static T Require<T>(ExchangeResult<T> result, string what)
    {
        if (result.Success && result.Data is { } data) return data;
        throw new InvalidOperationException($"start-up reconciliation could not read the exchange's {what}: {result.Error}");
    }
}
