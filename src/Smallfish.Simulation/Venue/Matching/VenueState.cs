using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Venue.Faults;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>The simulated venue's books and ledgers, shared by order entry, resting matching and funding.</summary>
internal sealed class VenueState
{
    private readonly Dictionary<string, VenueSymbol> _bySymbol = new(StringComparer.Ordinal);
    private long _orderSequence;

    public VenueState(IReadOnlyList<InstrumentSpec> instruments, SimulatedVenueOptions options, VenueFaults faults, VenueAccount account)
    {
        Options = options;
        Faults = faults;
        Account = account;
        Symbols = new VenueSymbol[instruments.Count];
        for (int i = 0; i < instruments.Count; i++)
        {
            var s = new VenueSymbol(i, instruments[i], options.BookSync);
            if (!_bySymbol.TryAdd(s.Name, s)) throw new ArgumentException($"duplicate symbol {s.Name}", nameof(instruments));
            Symbols[i] = s;
        }
    }

    public SimulatedVenueOptions Options { get; }

    public VenueFaults Faults { get; }

    public VenueAccount Account { get; }

    /// <summary>Symbols indexed by the engine's symbol id.</summary>
    public VenueSymbol[] Symbols { get; }

    /// <summary>Every order the venue accepted, by client id (the duplicate check and late cancels need them).</summary>
    public Dictionary<string, VenueOrder> Orders { get; } = new(StringComparer.Ordinal);

    public bool TryGetSymbol(string name, out VenueSymbol symbol) => _bySymbol.TryGetValue(name, out symbol!);

    public bool TryGetSymbol(int symbolId, out VenueSymbol symbol)
    {
        if ((uint)symbolId < (uint)Symbols.Length)
        {
            symbol = Symbols[symbolId];
            return true;
        }
        symbol = null!;
        return false;
    }

    public string NextExchangeOrderId() => string.Create(CultureInfo.InvariantCulture, $"sim-{++_orderSequence}");

    /// <summary>Puts a limit order at the back of its price level (first placement, or re-join after an amend).</summary>
    public void Rest(VenueOrder order)
    {
        var book = order.Symbol.Book;
        var own = order.Side == Side.Buy ? book.Bids : book.Asks;
        order.Queue.Join(own.QtyAtPrice(order.PriceTicks));
        var working = order.Symbol.Working;
        working.Remove(order);
        working.Add(order);
    }

    /// <summary>Removes finished orders from the symbol's working list, keeping the join order of the rest.</summary>
    public static void Compact(VenueSymbol symbol)
    {
        var working = symbol.Working;
        int kept = 0;
        for (int i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (o.IsTerminal) continue;
            working[kept++] = o;
        }
        if (kept < working.Count) working.RemoveRange(kept, working.Count - kept);
    }

    /// <summary>
    /// Cancels resting reduce-only limit orders that can no longer reduce the position (it closed or flipped), as
    /// exchanges do. Untriggered conditional orders stay; they are checked when they trigger.
    /// </summary>
    public void CancelStaleReduceOnly(VenueSymbol symbol, ExecutionRecorder recorder, long tsNs)
    {
        var working = symbol.Working;
        bool any = false;
        for (int i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (!o.ReduceOnly || o.IsConditional || o.IsTerminal) continue;
            if (symbol.Position.ReducibleBy(o.Side) > 0) continue;
            recorder.Update(o, OrderStatus.Cancelled, RejectReason.ReduceOnlyViolated, "reduce-only order cancelled: no position to reduce", tsNs);
            any = true;
        }
        if (any) Compact(symbol);
    }
}
