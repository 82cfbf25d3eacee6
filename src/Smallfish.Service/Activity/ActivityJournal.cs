using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.Metrics;
using Smallfish.Core.Time;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog;
using Smallfish.Monitoring.Status;

namespace Smallfish.Service.Activity;

/// <summary>
/// The journal the engine writes to in the service: every record goes to the durable journal first, unchanged, and
/// then feeds monitoring on the same (engine loop) thread: fills become price markers, fill and reject metrics and an
/// entry notice; round trips and equity points are kept for the status document and Telegram and an exit notice is
/// queued; decisions and the entry orders they lead to are timed (tick-to-decision against the receipt of the market
/// event being processed, decision-to-order between the two records). Nothing here blocks or throws into the engine.
/// </summary>
public sealed class ActivityJournal : IJournal
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly IJournal _inner;
    private readonly ServiceActivity _activity;
    private readonly EngineStatusTap _tap;
    private readonly SmallfishMetrics _metrics;
    private readonly InstrumentCatalog _catalog;
    private readonly TimeProvider _clock;
    private long _decisionNs;
    private long _decisionEvent = -1;
    private string? _lastEntryOrder;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ActivityJournal(IJournal inner, ServiceActivity activity, EngineStatusTap tap, SmallfishMetrics metrics, InstrumentCatalog catalog, TimeProvider clock)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _activity = activity ?? throw new ArgumentNullException(nameof(activity));
        _tap = tap ?? throw new ArgumentNullException(nameof(tap));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    public void RecordDecision(DecisionRecord decision)
    {
        _inner.RecordDecision(decision);
        long now = _clock.GetUnixTimeNs();
        _decisionNs = now;
        _decisionEvent = _tap.EventSequence;
        long received = _tap.CurrentEventLocalTsNs;
        if (received <= 0) return;
        _activity.TickToDecision.Record(now - received);
        _metrics.RecordTickToDecision(Math.Max(0, now - received));
    }

    /// <inheritdoc />
    public void RecordOrderSent(OrderRequest request, long tsNs)
    {
        _inner.RecordOrderSent(request, tsNs);
        if (request is null || request.Role != OrderRole.Entry || _decisionEvent != _tap.EventSequence || _decisionNs == 0) return;
        long elapsed = Math.Max(0, _clock.GetUnixTimeNs() - _decisionNs);
        _decisionNs = 0;
        _activity.DecisionToOrder.Record(elapsed);
        _metrics.RecordDecisionToOrder(elapsed);
    }

    /// <inheritdoc />
    public void RecordOrderUpdate(in OrderUpdate update)
    {
        _inner.RecordOrderUpdate(update);
        if (update.Status != OrderStatus.Rejected) return;
        _activity.CountReject();
        _metrics.OrderRejected(update.Reject);
    }

    /// <inheritdoc />
    public void RecordFill(in Fill fill)
    {
        _inner.RecordFill(fill);
        _activity.CountFill();
        _metrics.Filled(fill.IsMaker);
        if (!ClientOrderId.TryParse(fill.ClientOrderId, out ClientOrderIdParts parts)) return;
        bool entry = parts.Role is OrderRole.Entry or OrderRole.GridLevel;
        if (!_catalog.TryGet(fill.Symbol, out InstrumentSpec? spec, out _)) return;
        decimal price = spec.Price.ToDecimal(fill.PriceTicks);
        _activity.AddMarker(new PricedMarker(fill.Symbol, new PriceMarker(fill.TsNs, price, fill.Side, entry ? MarkerAction.Entry : MarkerAction.Exit)));
        if (parts.Role != OrderRole.Entry || fill.ClientOrderId == _lastEntryOrder) return;
        _lastEntryOrder = fill.ClientOrderId;
        string side = fill.Side == Side.Buy ? "LONG" : "SHORT";
        _activity.Notify(new ActivityNotice("Entry " + fill.Symbol, string.Create(Inv,
            $"Entered {side} {fill.Symbol}: {spec.Qty.ToDecimal(fill.QtyLots)} @ {price} ({(fill.IsMaker ? "maker" : "taker")})")));
    }

    /// <inheritdoc />
    public void RecordTrade(TradeResult trade)
    {
        _inner.RecordTrade(trade);
        if (trade is null) return;
        _activity.AddTrade(trade);
        string side = trade.Side == Side.Buy ? "LONG" : "SHORT";
        _activity.Notify(new ActivityNotice("Exit " + trade.Symbol, string.Create(Inv,
            $"Closed {side} {trade.Symbol} ({trade.Reason}): {trade.EntryPrice} -> {trade.ExitPrice}, net {trade.NetPnl:+0.00;-0.00;0.00} ({trade.RMultiple:+0.00;-0.00;0.00}R)")));
    }

    /// <inheritdoc />
    public void RecordEquity(EquitySnapshot snapshot)
    {
        _inner.RecordEquity(snapshot);
        if (snapshot is null) return;
        _activity.AddEquity(snapshot);
        _metrics.SetEquity((double)snapshot.Equity);
    }

    /// <inheritdoc />
    public void RecordShadowTrade(ShadowTrade shadow) => _inner.RecordShadowTrade(shadow);
}
