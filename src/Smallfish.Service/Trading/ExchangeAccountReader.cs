using System.Globalization;
using System.Text;
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
/// orders (plain and conditional), the executions since shortly before the journal's last record of every symbol that
/// can hold a fill of Smallfish's (<see cref="SymbolsToRead(IReadOnlyList{string}, IReadOnlyList{ExchangePosition}, IReadOnlyList{ExchangeOrder}, JournalRecovery, long)"/>),
/// last prices and the wallet, converted onto the instrument grid. A read that fails stops the start: trading
/// on a guess of what the exchange holds is not an option.
/// <para><b>One consistent picture.</b> The positions, the open orders and the executions are separate calls, and the
/// previous run's orders keep filling while they are made. A fill between the positions call and the executions call
/// would be in the executions (booked, and its repeat on the private stream ignored) but not in the position the
/// engine takes over, so the engine would hold less than the exchange. The reader therefore reads positions and open
/// orders again after the executions, and reads again (the executions of the symbols that changed, then positions and
/// open orders) until two reads agree, at most <see cref="MaxRounds"/> times. Agreement means no order filled or
/// changed in between: the executions are exactly those behind the positions.</para>
/// </summary>
public static class ExchangeAccountReader
{
    /// <summary>How many times positions and open orders are read again before the start goes on with the last read.</summary>
    public const int MaxRounds = 5;

    /// <summary>How far before the journal's last record the executions are read: covers clock skew and reports that arrived late.</summary>
    public static readonly TimeSpan ExecutionMargin = TimeSpan.FromHours(1);

    /// <summary>The exchanges keep (or page) executions for about a week: a journal older than this reads the venue's default window.</summary>
    private static readonly TimeSpan ExecutionHorizon = TimeSpan.FromDays(6);

    /// <summary>Fills the exchange's part of a <see cref="ReconciliationInput"/>; <paramref name="known"/> resolves executions that lack a client id.</summary>
    public static async Task<ExchangeAccountSnapshot> ReadAsync(IExchangeRestClient rest, IInstrumentLookup instruments,
        IReadOnlyList<string> symbols, JournalRecovery known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(known);
        var time = await rest.SyncServerTimeAsync(ct).ConfigureAwait(false);
        long nowMs = time.Success && time.Data is { ServerTimeMs: > 0 } server ? server.ServerTimeMs : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long sinceMs = ExecutionsSinceMs(known, nowMs);

        var byExchangeId = new Dictionary<string, string>(StringComparer.Ordinal);
        if (known.ExchangeOrderIds is { } journalIds)
        {
            foreach (var (exchangeId, clientId) in journalIds) byExchangeId[exchangeId] = clientId;
        }

        foreach (KnownOrder k in known.OpenOrders)
        {
            if (k.ExchangeOrderId is { Length: > 0 } id) byExchangeId[id] = k.ClientOrderId;
        }

        var state = await ReadStateAsync(rest, ct).ConfigureAwait(false);
        await LookUpUnacknowledgedAsync(rest, known, state, byExchangeId, ct).ConfigureAwait(false);
        var executions = new Dictionary<string, List<Fill>>(StringComparer.Ordinal);
        IEnumerable<string> toRead = SymbolsToRead(symbols, state, known, sinceMs);
        int rounds = 1;
        bool consistent = false;
        while (true)
        {
            foreach (ExchangeOrder o in state.Orders)
            {
                if (o.ExchangeOrderId.Length > 0 && o.ClientOrderId.Length > 0) byExchangeId[o.ExchangeOrderId] = o.ClientOrderId;
            }

            foreach (string symbol in toRead)
            {
                executions[symbol] = await ReadExecutionsAsync(rest, instruments, symbol, sinceMs, byExchangeId, ct).ConfigureAwait(false);
            }

            var again = await ReadStateAsync(rest, ct).ConfigureAwait(false);
            var changed = ChangedSymbols(state, again);
            state = again;
            if (changed.Count == 0)
            {
                consistent = true;
                break;
            }

            if (rounds == MaxRounds) break;
            rounds++;
            // Only a symbol whose position or orders moved can have new executions (a symbol that is not configured is
            // reported by the reconciliation, not booked, and skipped here).
            var configured = new HashSet<string>(symbols, StringComparer.Ordinal);
            toRead = changed.Where(configured.Contains).ToList();
        }

        var positions = new List<ExchangeNetPosition>();
        foreach (ExchangePosition p in state.Positions)
        {
            if (ReconciliationNormalizer.TryToNetPosition(p, instruments, out var net)) positions.Add(net);
        }

        var orders = new List<ExchangeOpenOrder>();
        foreach (ExchangeOrder o in state.Orders)
        {
            if (ReconciliationNormalizer.TryToOpenOrder(o, instruments, out var open)) orders.Add(open);
        }

        var fills = new List<Fill>();
        foreach (string symbol in symbols)
        {
            if (executions.TryGetValue(symbol, out var list)) fills.AddRange(list);
        }

        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        var tickers = await rest.GetTickersAsync(null, ct).ConfigureAwait(false);
        if (tickers.Success && tickers.Data is { } tickerList)
        {
            foreach (ExchangeTicker t in tickerList)
            {
                if (ReconciliationNormalizer.TryToLastPriceTicks(t, instruments, out long ticks)) prices[t.Symbol] = ticks;
            }
        }

        fills.Sort(static (a, b) => a.TsNs.CompareTo(b.TsNs));
        ExchangeWallet wallet = Require(await rest.GetWalletAsync(ct).ConfigureAwait(false), "wallet");
        decimal? equity = wallet.TotalEquity ?? wallet.WalletBalance;
        var input = new ReconciliationInput
        {
            Positions = positions,
            OpenOrders = orders,
            Executions = fills,
            LastPriceTicks = prices,
            Journal = known,
            ExchangeEquity = equity is > 0 ? equity : null,
        };
        return new ExchangeAccountSnapshot(input, equity, rounds, consistent, sinceMs);
    }

    /// <summary>
    /// The start of the executions read, exchange ms: <see cref="ExecutionMargin"/> before the journal's last order or
    /// fill (or its oldest unfinished order, if earlier); 0 (the venue's default window) for an empty journal or one
    /// older than the venue keeps executions.
    /// </summary>
    public static long ExecutionsSinceMs(JournalRecovery known, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(known);
        long fromNs = known.LastActivityNs;
        foreach (KnownOrder k in known.OpenOrders)
        {
            if (k.SentNs > 0 && k.SentNs < fromNs) fromNs = k.SentNs;
        }

        if (fromNs <= 0) return 0;
        long since = fromNs / 1_000_000 - (long)ExecutionMargin.TotalMilliseconds;
        return since < nowMs - (long)ExecutionHorizon.TotalMilliseconds ? 0 : since;
    }

    /// <summary>
    /// The configured symbols whose executions are read: those with a position or an open order on the exchange or in
    /// the journal, and those where the journal recorded an order (sent or updated) or a fill since
    /// <paramref name="sinceMs"/> (any time, when the whole window is read). The second kind covers an order that
    /// filled and closed again while its fills were lost with the process: nothing is open anywhere, but the journal
    /// knows the order (it is journaled before it is sent). A symbol the journal never traded cannot hold a fill of
    /// Smallfish's, and a start with hundreds of symbols makes no call for it.
    /// </summary>
    public static IReadOnlyList<string> SymbolsToRead(IReadOnlyList<string> symbols, IReadOnlyList<ExchangePosition> positions,
        IReadOnlyList<ExchangeOrder> openOrders, JournalRecovery known, long sinceMs)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(openOrders);
        ArgumentNullException.ThrowIfNull(known);
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExchangePosition p in positions)
        {
            if (!p.IsFlat) active.Add(p.Symbol);
        }

        foreach (ExchangeOrder o in openOrders) active.Add(o.Symbol);
        foreach (KnownOrder k in known.OpenOrders) active.Add(k.Request.Symbol);
        foreach (KnownPosition k in known.Positions) active.Add(k.Symbol);
        if (known.SymbolActivityNs is { } activity)
        {
            long sinceNs = sinceMs * 1_000_000;
            foreach (var (symbol, lastNs) in activity)
            {
                if (lastNs >= sinceNs) active.Add(symbol);
            }
        }

        var result = new List<string>();
        foreach (string symbol in symbols)
        {
            if (active.Contains(symbol)) result.Add(symbol);
        }

        return result;
    }

    private static IReadOnlyList<string> SymbolsToRead(IReadOnlyList<string> symbols, AccountState state, JournalRecovery known, long sinceMs) =>
        SymbolsToRead(symbols, state.Positions, state.Orders, known, sinceMs);

    /// <summary>
    /// Journal orders without a final state, without an exchange order id and not open on the exchange (sent just
    /// before a crash, never acknowledged) are looked up by client id. An execution row need not carry the client id
    /// (Binance <c>userTrades</c> has only the exchange's order id), so without the look-up the fill of such an order
    /// could not be attributed and would be neither booked nor resolved. Not found: the order never reached the venue.
    /// </summary>
    private static async Task LookUpUnacknowledgedAsync(IExchangeRestClient rest, JournalRecovery known, AccountState state,
        Dictionary<string, string> byExchangeId, CancellationToken ct)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExchangeOrder o in state.Orders) open.Add(o.ClientOrderId);
        foreach (KnownOrder k in known.OpenOrders)
        {
            if (k.ExchangeOrderId is { Length: > 0 } || open.Contains(k.ClientOrderId)) continue;
            var found = await rest.GetOrderAsync(k.Request.Symbol, k.ClientOrderId, ct).ConfigureAwait(false);
            if (found.Success && found.Data is { ExchangeOrderId.Length: > 0 } order)
            {
                byExchangeId[order.ExchangeOrderId] = k.ClientOrderId;
                continue;
            }

            if (found.RejectReason != RejectReason.OrderNotFound) Require(found, "order " + k.ClientOrderId);
        }
    }

    private static async Task<List<Fill>> ReadExecutionsAsync(IExchangeRestClient rest, IInstrumentLookup instruments, string symbol, long sinceMs,
        Dictionary<string, string> byExchangeId, CancellationToken ct)
    {
        var list = new List<Fill>();
        AppendFills(Require(await rest.GetExecutionsAsync(symbol, sinceMs, ct).ConfigureAwait(false), "executions of " + symbol), instruments, byExchangeId,
            static _ => true, list);
        return list;
    }

    /// <summary>
    /// Converts execution rows to fills onto the instrument grid, attributing each to a client id: its own, or (Binance
    /// execution rows carry none) the one <paramref name="clientIdOf"/> knows for its exchange order id. Rows without a
    /// client id, or whose id <paramref name="accept"/> refuses, are left out.
    /// </summary>
    internal static void AppendFills(IEnumerable<ExchangeFill> rows, IInstrumentLookup instruments, IReadOnlyDictionary<string, string> clientIdOf,
        Func<string, bool> accept, List<Fill> into)
    {
        foreach (ExchangeFill f in rows)
        {
            string clientId = f.ClientOrderId.Length > 0 ? f.ClientOrderId : clientIdOf.GetValueOrDefault(f.ExchangeOrderId, "");
            if (clientId.Length > 0 && accept(clientId) && ExecutionNormalizer.TryToFill(f, instruments, clientId, out Fill fill)) into.Add(fill);
        }
    }

    private static async Task<AccountState> ReadStateAsync(IExchangeRestClient rest, CancellationToken ct)
    {
        var positions = Require(await rest.GetPositionsAsync(null, ct).ConfigureAwait(false), "positions");
        var orders = Require(await rest.GetOpenOrdersAsync(null, ct).ConfigureAwait(false), "open orders");
        return new AccountState(positions, orders);
    }

    /// <summary>Symbols whose position (side, size, entry) or open orders (ids, status, quantities, prices) differ between two reads.</summary>
    private static HashSet<string> ChangedSymbols(AccountState a, AccountState b)
    {
        var x = Signatures(a);
        var y = Signatures(b);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (symbol, sig) in x)
        {
            if (!y.TryGetValue(symbol, out string? other) || other != sig) changed.Add(symbol);
        }

        foreach (string symbol in y.Keys)
        {
            if (!x.ContainsKey(symbol)) changed.Add(symbol);
        }

        return changed;
    }

    private static Dictionary<string, string> Signatures(AccountState state)
    {
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string> Of(string symbol)
        {
            if (!parts.TryGetValue(symbol, out var list)) parts.Add(symbol, list = new List<string>());
            return list;
        }

        foreach (ExchangePosition p in state.Positions)
        {
            if (p.IsFlat) continue;
            Of(p.Symbol).Add(string.Create(CultureInfo.InvariantCulture, $"P {p.Slot} {p.Side} {p.Size} {p.EntryPrice}"));
        }

        foreach (ExchangeOrder o in state.Orders)
        {
            Of(o.Symbol).Add(string.Create(CultureInfo.InvariantCulture,
                $"O {o.ClientOrderId} {o.ExchangeOrderId} {o.Status} {o.Qty} {o.FilledQty} {o.Price} {o.TriggerPrice}"));
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, list) in parts)
        {
            list.Sort(StringComparer.Ordinal);
            var b = new StringBuilder();
            foreach (string s in list) b.Append(s).Append('\n');
            result[symbol] = b.ToString();
        }

        return result;
    }

    private static T Require<T>(ExchangeResult<T> result, string what)
    {
        if (result.Success && result.Data is { } data) return data;
        throw new InvalidOperationException($"start-up reconciliation could not read the exchange's {what}: {result.Error}");
    }

    private sealed record AccountState(IReadOnlyList<ExchangePosition> Positions, IReadOnlyList<ExchangeOrder> Orders);
}
