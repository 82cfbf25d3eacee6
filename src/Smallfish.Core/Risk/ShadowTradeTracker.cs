using Smallfish.Core.Domain;
using Smallfish.Core.Journal;

namespace Smallfish.Core.Risk;

/// <summary>
/// Shadow ("phantom") trades: when a gate blocks an entry the fusion wanted, the trade it would have been is opened
/// here at the intended price with the bracket it would have had, followed on later trade prices, and resolved at the
/// stop (at the print that crossed it, as a stop-market would fill), at the take-profit (at its price, as a resting
/// limit would fill) or at the time stop (at the last price). Both the opening and the outcome go to the journal, so a
/// user can see, gate by gate, whether the trades each gate blocked would have won. At most one shadow per symbol and
/// gate is open at a time (a gate that keeps blocking the same wish is one shadow trade, not hundreds), and at most
/// <see cref="MaxOpenPerSymbol"/> per symbol. Gates whose shadow would mean nothing (no usable price, or the symbol is
/// already in a trade) open none; see <see cref="Tracks"/>.
/// </summary>
public sealed class ShadowTradeTracker
{
    /// <summary>Open shadows kept per symbol.</summary>
    public const int MaxOpenPerSymbol = 16;

    private readonly IJournal _journal;
    private readonly string[] _symbols;
    private readonly Slot[][] _slots;
    private readonly long[] _lastPrice;

    /// <summary>Creates a tracker for the symbol table <paramref name="symbols"/> (index = symbol id).</summary>
    public ShadowTradeTracker(IJournal journal, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(symbols);
        _journal = journal;
        _symbols = symbols.ToArray();
        _slots = new Slot[_symbols.Length][];
        for (int i = 0; i < _slots.Length; i++) _slots[i] = new Slot[MaxOpenPerSymbol];
        _lastPrice = new long[_symbols.Length];
    }

    /// <summary>Shadow trades opened so far.</summary>
    public long Opened { get; private set; }

    /// <summary>Shadow trades resolved so far.</summary>
    public long Resolved { get; private set; }

    /// <summary>
    /// True for the gates whose blocked entries are shadowed: all but <see cref="GateReason.Halted"/>,
    /// <see cref="GateReason.Reconciling"/> (the engine is not yet trading), <see cref="GateReason.BookInvalid"/> and
    /// <see cref="GateReason.BookStale"/> (no price to trust),
    /// <see cref="GateReason.PositionOpen"/> and <see cref="GateReason.EntryWorking"/> (the symbol is already trading).
    /// </summary>
    public static bool Tracks(GateReason gate) => gate switch
    {
        GateReason.Pass or GateReason.Halted or GateReason.Reconciling or GateReason.BookInvalid or GateReason.BookStale
            or GateReason.PositionOpen or GateReason.EntryWorking => false,
        _ => true,
    };

    /// <summary>Open shadows of <paramref name="symbolId"/>.</summary>
    public int OpenCount(int symbolId)
    {
        int n = 0;
        foreach (ref readonly Slot s in _slots[symbolId].AsSpan()) if (s.Active) n++;
        return n;
    }

    /// <summary>
    /// Opens a shadow trade for an entry that <paramref name="gate"/> blocked, unless the gate is not tracked or one
    /// is already open for this symbol and gate. Returns true when one was opened (and journaled).
    /// </summary>
    public bool TryOpen(int symbolId, Side side, GateReason gate, in BracketPlan plan, double confidence, long nowNs, long timeoutNs)
    {
        if (!Tracks(gate) || plan.EntryTicks <= 0) return false;
        var slots = _slots[symbolId];
        int free = -1;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Active)
            {
                if (slots[i].Gate == gate) return false;
            }
            else if (free < 0)
            {
                free = i;
            }
        }
        if (free < 0) return false;
        slots[free] = new Slot
        {
            Active = true,
            Side = side,
            Gate = gate,
            OpenedNs = nowNs,
            DeadlineNs = timeoutNs > 0 ? nowNs + timeoutNs : long.MaxValue,
            Plan = plan,
            Confidence = confidence,
        };
        Opened++;
        _journal.RecordShadowTrade(ToRecord(symbolId, slots[free], 0, 0));
        return true;
    }

    /// <summary>A trade printed at <paramref name="priceTicks"/>: resolves shadows whose stop or take-profit it reached.</summary>
    public void OnTrade(int symbolId, long priceTicks, long nowNs)
    {
        _lastPrice[symbolId] = priceTicks;
        var slots = _slots[symbolId];
        for (int i = 0; i < slots.Length; i++)
        {
            ref Slot s = ref slots[i];
            if (!s.Active) continue;
            bool buy = s.Side == Side.Buy;
            if (buy ? priceTicks <= s.Plan.StopTicks : priceTicks >= s.Plan.StopTicks) Close(symbolId, ref s, priceTicks, nowNs);
            else if (buy ? priceTicks >= s.Plan.TakeProfitTicks : priceTicks <= s.Plan.TakeProfitTicks) Close(symbolId, ref s, s.Plan.TakeProfitTicks, nowNs);
            else if (nowNs >= s.DeadlineNs) Close(symbolId, ref s, priceTicks, nowNs);
        }
    }

    /// <summary>Resolves shadows whose time stop has passed, at the symbol's last trade price.</summary>
    public void OnTime(long nowNs)
    {
        for (int sym = 0; sym < _slots.Length; sym++)
        {
            var slots = _slots[sym];
            for (int i = 0; i < slots.Length; i++)
            {
                ref Slot s = ref slots[i];
                if (!s.Active || nowNs < s.DeadlineNs) continue;
                long px = _lastPrice[sym] > 0 ? _lastPrice[sym] : s.Plan.EntryTicks;
                Close(sym, ref s, px, nowNs);
            }
        }
    }

    private void Close(int symbolId, ref Slot s, long exitTicks, long nowNs)
    {
        s.Active = false;
        Resolved++;
        _journal.RecordShadowTrade(ToRecord(symbolId, s, nowNs, exitTicks));
    }

    private ShadowTrade ToRecord(int symbolId, in Slot s, long closedNs, long exitTicks)
    {
        double r = double.NaN;
        if (closedNs > 0) r = (double)((exitTicks - s.Plan.EntryTicks) * s.Side.Sign()) / s.Plan.DistanceTicks;
        return new ShadowTrade(_symbols[symbolId], s.Side, s.Gate, s.OpenedNs, closedNs, s.Plan.EntryTicks, s.Plan.StopTicks,
            s.Plan.TakeProfitTicks, exitTicks, r, s.Confidence);
    }

    private struct Slot
    {
        public bool Active;
        public Side Side;
        public GateReason Gate;
        public long OpenedNs;
        public long DeadlineNs;
        public BracketPlan Plan;
        public double Confidence;
    }
}
