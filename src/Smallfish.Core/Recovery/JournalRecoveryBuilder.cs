using Smallfish.Core.Domain;
using Smallfish.Core.Journal;

namespace Smallfish.Core.Recovery;

/// <summary>
/// Folds journal records into a <see cref="JournalRecovery"/>: orders sent (with their latest state, or with the
/// order updates in journal order), fills in journal order and decision sequences. The SQLite journal's reader and the
/// <see cref="InMemoryJournal"/> feed it the same way. Positions are the net of the fills of Smallfish's orders per
/// symbol since it was last flat (the exchange nets the same way); their stop and take-profit levels come from the
/// bracket orders sent after the position opened.
/// </summary>
public sealed class JournalRecoveryBuilder
{
    private readonly Dictionary<string, OrderEntry> _orders = new(StringComparer.Ordinal);
    private readonly List<OrderEntry> _orderList = new();
    private readonly Dictionary<string, Fold> _folds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _execIds = new(StringComparer.Ordinal);
    private long _maxRun;
    private long _maxSequence;
    private long _lastActivityNs;

    /// <summary>How far back from the last activity <see cref="JournalRecovery.ExchangeOrderIds"/> reaches: the venues keep executions about a week.</summary>
    private const long ExchangeIdHorizonNs = 7L * 24 * 3600 * 1_000_000_000;
    private readonly Dictionary<string, long> _activity = new(StringComparer.Ordinal);

    /// <summary>Everything an <see cref="InMemoryJournal"/> holds (tests, backtests, paper sessions).</summary>
    public static JournalRecovery From(InMemoryJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var b = new JournalRecoveryBuilder();
        foreach (var d in journal.Decisions) b.AddDecisionSequence(d.Sequence);
        foreach (var (request, ts) in journal.OrdersSent) b.AddOrder(request, ts);
        foreach (var u in journal.OrderUpdates) b.ApplyUpdate(u);
        foreach (var f in journal.Fills) b.AddFill(f);
        return b.Build();
    }

    /// <summary>An order sent at <paramref name="sentNs"/> (its state follows from <see cref="ApplyUpdate"/>).</summary>
    public void AddOrder(OrderRequest request, long sentNs) =>
        AddOrder(new KnownOrder(request ?? throw new ArgumentNullException(nameof(request)), sentNs, OrderStatus.PendingNew, 0, null));

    /// <summary>An order with its latest journaled state (what the SQLite journal's reader returns).</summary>
    public void AddOrder(KnownOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        NoteId(order.ClientOrderId);
        NoteActivity(order.Request.Symbol, order.SentNs);
        if (_orders.ContainsKey(order.ClientOrderId)) return; // the journal holds one row per id
        var entry = new OrderEntry(order);
        _orders.Add(order.ClientOrderId, entry);
        _orderList.Add(entry);
    }

    /// <summary>A journaled order update, in journal order.</summary>
    public void ApplyUpdate(in OrderUpdate update)
    {
        if (!_orders.TryGetValue(update.ClientOrderId, out var entry)) return;
        NoteActivity(entry.Order.Request.Symbol, update.TsNs);
        var o = entry.Order;
        if (o.IsTerminal) return;
        entry.Order = o with
        {
            Status = update.Status,
            FilledLots = Math.Max(o.FilledLots, update.FilledLots),
            ExchangeOrderId = update.ExchangeOrderId ?? o.ExchangeOrderId,
        };
    }

    /// <summary>A journaled fill, in journal order.</summary>
    public void AddFill(in Fill fill)
    {
        if (!_execIds.Add(fill.ExecId)) return;
        NoteActivity(fill.Symbol, fill.TsNs);
        if (!ClientOrderId.TryParse(fill.ClientOrderId, out _) && !_orders.ContainsKey(fill.ClientOrderId)) return; // not Smallfish's
        NoteId(fill.ClientOrderId);
        if (!_folds.TryGetValue(fill.Symbol, out var fold)) _folds.Add(fill.Symbol, fold = new Fold());
        if (fold.Apply(fill))
        {
            // Bracket orders for this position are sent after its entry order: the entry's send time bounds them.
            fold.OpenedSentNs = _orders.TryGetValue(fill.ClientOrderId, out var entry) ? entry.Order.SentNs : fill.TsNs;
        }
    }

    /// <summary>
    /// Something happened on <paramref name="symbol"/> at <paramref name="tsNs"/> (an order sent or updated, a fill):
    /// it moves <see cref="JournalRecovery.LastActivityNs"/> and the symbol's entry in
    /// <see cref="JournalRecovery.SymbolActivityNs"/>. Orders, updates and fills note themselves; a reader that hands
    /// over orders with their latest state notes the time of that state here.
    /// </summary>
    public void NoteActivity(string symbol, long tsNs)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (tsNs > _lastActivityNs) _lastActivityNs = tsNs;
        if (!_activity.TryGetValue(symbol, out long last) || tsNs > last) _activity[symbol] = tsNs;
    }

    /// <summary>A journaled decision's sequence number.</summary>
    public void AddDecisionSequence(long sequence)
    {
        if (sequence > _maxSequence) _maxSequence = sequence;
    }

    /// <summary>The folded view.</summary>
    public JournalRecovery Build()
    {
        var open = new List<KnownOrder>();
        foreach (var e in _orderList) if (!e.Order.IsTerminal) open.Add(e.Order);
        var positions = new List<KnownPosition>();
        foreach (var (symbol, fold) in _folds)
        {
            if (fold.QtyLots == 0) continue;
            positions.Add(PositionOf(symbol, fold));
        }
        positions.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        var exchangeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        long recentNs = _lastActivityNs - ExchangeIdHorizonNs;
        foreach (var e in _orderList)
        {
            if (e.Order.ExchangeOrderId is { Length: > 0 } id && e.Order.SentNs >= recentNs) exchangeIds[id] = e.Order.ClientOrderId;
        }
        return new JournalRecovery(open, positions, new HashSet<string>(_execIds, StringComparer.Ordinal), _maxRun, _maxSequence, _lastActivityNs,
            new Dictionary<string, long>(_activity, StringComparer.Ordinal), exchangeIds);
    }

    private KnownPosition PositionOf(string symbol, Fold fold)
    {
        long stop = 0, initialStop = 0, takeProfit = 0;
        var exitSide = fold.Side.Opposite();
        foreach (var e in _orderList)
        {
            var r = e.Order.Request;
            if (r.Symbol != symbol || r.Side != exitSide || e.Order.SentNs < fold.OpenedSentNs) continue;
            if (r.Role == OrderRole.StopLoss)
            {
                if (initialStop == 0) initialStop = r.TriggerPriceTicks;
                stop = r.TriggerPriceTicks;
            }
            else if (r.Role == OrderRole.TakeProfit)
            {
                takeProfit = r.Type == OrderType.Limit ? r.PriceTicks : r.TriggerPriceTicks;
            }
        }
        return new KnownPosition(symbol, fold.Side, fold.QtyLots, fold.EntryTickLots / fold.QtyLots, fold.OpenedNs, fold.Sequence,
            stop, initialStop, takeProfit, fold.PartialTaken, fold.Fills.ToArray());
    }

    private void NoteId(string clientOrderId)
    {
        if (!ClientOrderId.TryParse(clientOrderId, out var parts)) return;
        if (parts.Run > _maxRun) _maxRun = parts.Run;
        if (parts.Sequence > _maxSequence) _maxSequence = parts.Sequence;
    }

    private sealed class OrderEntry(KnownOrder order)
    {
        public KnownOrder Order { get; set; } = order;
    }

    /// <summary>The net position of one symbol from its fills, as the exchange nets them.</summary>
    private sealed class Fold
    {
        public Side Side;
        public long QtyLots;
        public decimal EntryTickLots;
        public long OpenedNs;
        public long OpenedSentNs;
        public long Sequence = -1;
        public bool PartialTaken;
        public List<Fill> Fills { get; } = new();

        /// <summary>Applies a fill; true when it opened a position (from flat, or by flipping through flat).</summary>
        public bool Apply(in Fill fill)
        {
            if (QtyLots == 0 || fill.Side == Side)
            {
                bool opened = QtyLots == 0;
                if (opened) Open(fill, fill.QtyLots);
                else
                {
                    QtyLots += fill.QtyLots;
                    EntryTickLots += (decimal)fill.PriceTicks * fill.QtyLots;
                }
                Fills.Add(fill);
                return opened;
            }
            long reduce = Math.Min(QtyLots, fill.QtyLots);
            EntryTickLots = QtyLots == reduce ? 0 : EntryTickLots * (QtyLots - reduce) / QtyLots;
            QtyLots -= reduce;
            Fills.Add(fill);
            if (ClientOrderId.TryParse(fill.ClientOrderId, out var parts) && parts.Role == OrderRole.PartialTakeProfit) PartialTaken = true;
            long rest = fill.QtyLots - reduce;
            if (QtyLots > 0 || rest == 0) return false;
            Open(fill, rest); // flipped through flat
            Fills.Add(fill with { QtyLots = rest });
            return true;
        }

        private void Open(in Fill fill, long lots)
        {
            Side = fill.Side;
            QtyLots = lots;
            EntryTickLots = (decimal)fill.PriceTicks * lots;
            OpenedNs = fill.TsNs;
            OpenedSentNs = 0;
            Sequence = ClientOrderId.TryParse(fill.ClientOrderId, out var parts) ? parts.Sequence : -1;
            PartialTaken = false;
            Fills.Clear();
        }
    }
}
