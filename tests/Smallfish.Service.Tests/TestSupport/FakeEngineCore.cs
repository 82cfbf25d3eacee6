using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A stand-in engine over a real <see cref="RuntimeState"/>: working orders chosen by the test, a venue that answers
/// cancels at once through the loop's execution entrance, the journal written like the real engine would, and a
/// gate that can block the loop inside <see cref="PublishSnapshot"/> to simulate a stalled engine.
/// </summary>
internal sealed class FakeEngineCore : IEngineCore
{
    private readonly RuntimeState _state;
    private readonly IJournal _journal;
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private readonly ManualResetEventSlim _blocked = new(initialState: false);

    public FakeEngineCore(IReadOnlyList<string> symbols, IJournal journal, long startNs, IEnumerable<OrderRequest> working)
    {
        _state = new RuntimeState(symbols, 1000m, startNs);
        _journal = journal;
        foreach (OrderRequest request in working)
        {
            _state.AddOrder(new Order(request, startNs));
            _journal.RecordOrderSent(request, startNs);
        }
    }

    /// <summary>Where cancel confirmations go (the loop's execution entrance), set by the test.</summary>
    public IExecutionSink? Venue { get; set; }

    public EntryHold Holds { get; private set; }

    public List<string> CancelsSent { get; } = [];

    public List<string> CallLog { get; } = [];

    public IReadOnlyCollection<string> WorkingOrderIds => _state.WorkingOrders.Keys.ToList();

    /// <summary>Makes the next <see cref="PublishSnapshot"/> block until <see cref="Release"/>.</summary>
    public void Block()
    {
        _blocked.Reset();
        _gate.Reset();
    }

    public void Release() => _gate.Set();

    /// <summary>Waits (bounded) until the loop is stuck in the gate.</summary>
    public bool WaitUntilBlocked(TimeSpan timeout) => _blocked.Wait(timeout);

    public int BooksSeen { get; private set; }

    public int TradesSeen { get; private set; }

    public void OnBook(BookUpdate update)
    {
        BooksSeen++;
        _state.CountEvent();
    }

    public void OnTrade(in TradeEvent trade)
    {
        TradesSeen++;
        _state.CountEvent();
    }

    public void OnBbo(in BboEvent bbo) => _state.CountEvent();

    public void OnTicker(in TickerEvent ticker) => _state.CountEvent();

    public void OnOrderUpdate(in OrderUpdate update)
    {
        CallLog.Add("update " + update.ClientOrderId + " " + update.Status);
        _journal.RecordOrderUpdate(update);
        if (update.Status is OrderStatus.Cancelled or OrderStatus.Filled or OrderStatus.Rejected or OrderStatus.Expired) _state.RemoveOrder(update.ClientOrderId);
    }

    public void OnFill(in Fill fill) => CallLog.Add("fill " + fill.ClientOrderId);

    public void OnFunding(in FundingPayment payment) => CallLog.Add("funding");

    public void OnTimer(long nowNs) => _state.OnTime(nowNs);

    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail) => _state.TripKillSwitch(reason, nowNs, detail);

    public bool Resume(long nowNs) => _state.ResumeFromKillSwitch(nowNs);

    public void StopEntries(EntryHold hold, long nowNs)
    {
        CallLog.Add("stop entries " + hold);
        Holds |= hold;
    }

    public void AllowEntries(EntryHold hold, long nowNs)
    {
        CallLog.Add("allow entries " + hold);
        Holds &= ~hold;
    }

    public int CancelEntryOrders(long nowNs)
    {
        CallLog.Add("cancel entry orders");
        var entries = _state.WorkingOrders.Values.Where(o => o.Request.Role is OrderRole.Entry or OrderRole.GridLevel).ToList();
        foreach (Order order in entries)
        {
            CancelsSent.Add(order.ClientOrderId);
            Venue?.OnOrderUpdate(new OrderUpdate(order.ClientOrderId, "x-" + order.ClientOrderId, order.Request.Symbol, OrderStatus.Cancelled, 0, 0,
                RejectReason.None, null, nowNs));
        }

        return entries.Count;
    }

    public RuntimeSnapshot PublishSnapshot(long nowNs)
    {
        if (!_gate.IsSet)
        {
            _blocked.Set();
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        _state.OnTime(nowNs);
        return _state.Publish();
    }
}
