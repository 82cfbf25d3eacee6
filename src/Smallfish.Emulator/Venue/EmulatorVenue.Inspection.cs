using Smallfish.Core.MarketData;
using Smallfish.Emulator.Books;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Emulator.Venue;

/// <summary>Read-only snapshots for tests and the console, taken under the gate.</summary>
internal sealed partial class EmulatorVenue
{
    /// <summary>The top <paramref name="depth"/> levels of the venue's book as a snapshot copy.</summary>
    public BookUpdate BookSnapshot(int symbolId, int depth)
    {
        lock (_gate)
        {
            var book = PublishedBook(symbolId);
            var snapshot = new BookUpdate { Kind = BookUpdateKind.Snapshot, SymbolId = symbolId };
            if (!book.IsValid) return snapshot;
            var prices = new long[Math.Min(depth, Math.Max(book.Bids.Count, book.Asks.Count))];
            var qty = new long[prices.Length];
            int n = BookLevels.CopyTop(book.Bids, prices, qty, depth);
            for (int i = 0; i < n; i++) snapshot.Bids.Add(prices[i], qty[i]);
            n = BookLevels.CopyTop(book.Asks, prices, qty, depth);
            for (int i = 0; i < n; i++) snapshot.Asks.Add(prices[i], qty[i]);
            return snapshot;
        }
    }

    /// <summary>The simulated venue's own view of a position (ledgers included).</summary>
    public VenuePosition VenuePosition(string symbol)
    {
        lock (_gate) return _venue.GetPosition(symbol);
    }

    /// <summary>The wallet balance (initial + realized - fees - funding).</summary>
    public decimal Balance
    {
        get { lock (_gate) return _venue.Account.Balance; }
    }

    public EmulatedOrderInfo? OrderInfo(string clientOrderId)
    {
        lock (_gate) return Orders.TryGet(clientOrderId, out var o) ? Info(o) : null;
    }

    public List<EmulatedOrderInfo> OpenOrders(string? symbol)
    {
        lock (_gate) return Orders.All.Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol)).Select(Info).ToList();
    }

    public List<EmulatedOrderInfo> AllOrders()
    {
        lock (_gate) return Orders.All.Select(Info).ToList();
    }

    public List<EmulatedExecution> AllExecutions()
    {
        lock (_gate)
        {
            return Orders.Executions.Select(e => new EmulatedExecution(e.Order.ClientOrderId, e.Order.Symbol, e.Order.Side, e.Execution.PriceTicks,
                e.Execution.QtyLots, e.Execution.Fee, e.Execution.IsMaker, e.Execution.TimeMs)).ToList();
        }
    }

    public decimal FundingPaid
    {
        get { lock (_gate) return _fundingPaid; }
    }

    private static EmulatedOrderInfo Info(EmulatedOrder o) =>
        new(o.ClientOrderId, o.Id, o.Symbol, o.Side, o.Type, o.TimeInForce, o.Status, o.PriceTicks, o.QtyLots, o.TriggerTicks, o.FilledLots, o.Reject)
        {
            CreatedMs = o.CreatedMs,
            Role = o.Role,
            ClosePosition = o.ClosePosition,
        };
}
