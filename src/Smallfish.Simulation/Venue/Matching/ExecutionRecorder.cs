using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>
/// Books what the matching engine decides, the way an exchange's back office does: a fill updates the order, the
/// position, the fees and the wallet, and every state change becomes a report on the private stream.
/// </summary>
internal sealed class ExecutionRecorder
{
    private readonly ReportChannel _reports;
    private readonly IFeeModel _fees;
    private readonly VenueAccount _account;
    private long _execSequence;

    public ExecutionRecorder(ReportChannel reports, IFeeModel fees, VenueAccount account)
    {
        _reports = reports;
        _fees = fees;
        _account = account;
    }

    /// <summary>Fills <paramref name="lots"/> of <paramref name="order"/> at <paramref name="priceTicks"/> and reports the fill.</summary>
    public void Fill(VenueOrder order, long priceTicks, long lots, bool isMaker, long tsNs)
    {
        var symbol = order.Symbol;
        var spec = symbol.Spec;
        decimal fee = _fees.Fee(spec, priceTicks, lots, isMaker);
        order.FilledLots += lots;
        order.FilledNotionalTicks += (decimal)priceTicks * lots;
        decimal realized = symbol.Position.Apply(order.Side, priceTicks, lots) * spec.TickSize * spec.QtyStep;
        symbol.RealizedPnl += realized;
        symbol.Fees += fee;
        _account.AddRealized(realized);
        _account.AddFee(fee);
        string execId = string.Create(CultureInfo.InvariantCulture, $"simx-{++_execSequence}");
        _reports.Send(tsNs, new VenueReport(new Fill(execId, order.ClientOrderId, symbol.Name, order.Side, priceTicks, lots, fee, isMaker, tsNs)));
    }

    /// <summary>Sets the order's status and reports it.</summary>
    public void Update(VenueOrder order, OrderStatus status, RejectReason reject, string? message, long tsNs)
    {
        order.Status = status;
        Report(order, reject, message, tsNs);
    }

    /// <summary>Reports the order's current state with a reason (an amend that was refused leaves the order as it was).</summary>
    public void Report(VenueOrder order, RejectReason reject, string? message, long tsNs) =>
        _reports.Send(tsNs, new VenueReport(new OrderUpdate(
            order.ClientOrderId, order.ExchangeOrderId, order.Symbol.Name, order.Status, order.FilledLots, order.AvgPriceTicks, reject, message, tsNs)));

    /// <summary>Reports an order refused before the venue accepted it.</summary>
    public void Reject(OrderRequest request, RejectReason reason, string message, long tsNs) =>
        _reports.Send(tsNs, new VenueReport(new OrderUpdate(
            request.ClientOrderId, null, request.Symbol, OrderStatus.Rejected, 0, 0, reason, message, tsNs)));

    /// <summary>
    /// Answers a cancel or amend for an order that is not working: with the order's final state when the venue knows
    /// it (filled, cancelled...), else as <see cref="OrderStatus.Rejected"/>; the reason is always
    /// <see cref="RejectReason.OrderNotFound"/>.
    /// </summary>
    public void NotFound(string symbol, string clientOrderId, VenueOrder? known, long tsNs)
    {
        var update = known is null
            ? new OrderUpdate(clientOrderId, null, symbol, OrderStatus.Rejected, 0, 0, RejectReason.OrderNotFound, "order not found", tsNs)
            : new OrderUpdate(clientOrderId, known.ExchangeOrderId, known.Symbol.Name, known.Status, known.FilledLots, known.AvgPriceTicks,
                RejectReason.OrderNotFound, "order not working", tsNs);
        _reports.Send(tsNs, new VenueReport(update));
    }

    /// <summary>Books and reports a funding settlement.</summary>
    public void Funding(VenueSymbol symbol, in FundingPayment payment)
    {
        symbol.Funding += payment.Amount;
        _account.AddFunding(payment.Amount);
        _reports.Send(payment.TsNs, new VenueReport(payment));
    }
}
