using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.MarketData;
using Smallfish.Core.State;

namespace Smallfish.Service.Engine;

/// <summary>
/// Puts the <see cref="TradingEngine"/> behind the loop's <see cref="IEngineCore"/>: events pass straight through;
/// entry holds map onto the engine's halt flag (halted while any hold is on); the kill switch maps onto
/// <see cref="TradingEngine.Kill"/> (manual) or <see cref="TradingEngine.ReportFault"/>; the graceful stop's cancel is
/// <see cref="TradingEngine.BeginShutdown"/>, which aborts working entries and leaves protective orders.
/// </summary>
public sealed class TradingEngineCore : IEngineCore
{
    private EntryHold _holds;

    /// <summary>Wraps <paramref name="engine"/>.</summary>
    public TradingEngineCore(TradingEngine engine) => Engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>The wrapped engine.</summary>
    public TradingEngine Engine { get; }

    /// <summary>The entry holds in force.</summary>
    public EntryHold Holds => _holds;

    /// <inheritdoc />
    public void OnBook(BookUpdate update) => Engine.OnBook(update);

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade) => Engine.OnTrade(trade);

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo) => Engine.OnBbo(bbo);

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker) => Engine.OnTicker(ticker);

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderUpdate update) => Engine.OnOrderUpdate(update);

    /// <inheritdoc />
    public void OnFill(in Fill fill) => Engine.OnFill(fill);

    /// <inheritdoc />
    public void OnFunding(in FundingPayment payment) => Engine.OnFunding(payment);

    /// <inheritdoc />
    public void OnTimer(long nowNs) => Engine.OnTimer(nowNs);

    /// <inheritdoc />
    public bool TripKillSwitch(KillSwitchReason reason, long nowNs, string? detail) =>
        reason == KillSwitchReason.Manual ? Engine.Kill(detail) : Engine.ReportFault(reason, detail);

    /// <inheritdoc />
    public bool Resume(long nowNs) => Engine.Resume();

    /// <inheritdoc />
    public void StopEntries(EntryHold hold, long nowNs)
    {
        _holds |= hold;
        Engine.SetHalted(true);
    }

    /// <inheritdoc />
    public void AllowEntries(EntryHold hold, long nowNs)
    {
        _holds &= ~hold;
        Engine.SetHalted(_holds != EntryHold.None);
    }

    /// <inheritdoc />
    public int CancelEntryOrders(long nowNs)
    {
        int entries = 0;
        foreach (Order order in Engine.State.WorkingOrders.Values)
        {
            if (order.Request.Role is OrderRole.Entry or OrderRole.GridLevel) entries++;
        }

        _holds |= EntryHold.ShuttingDown;
        Engine.BeginShutdown();
        return entries;
    }

    /// <inheritdoc />
    public RuntimeSnapshot PublishSnapshot(long nowNs)
    {
        Engine.State.OnTime(nowNs);
        return Engine.State.Publish();
    }
}
