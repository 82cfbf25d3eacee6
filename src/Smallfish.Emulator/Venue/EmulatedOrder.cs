using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// An order as the emulated exchange's back office keeps it: the terms after amends, the state the matching engine
/// reported, and the ids each protocol shows. Mutated only under the venue gate.
/// </summary>
internal sealed class EmulatedOrder
{
    public EmulatedOrder(string key, string clientOrderId, long id, int symbolId, InstrumentSpec spec, OrderRequest request, OrderOrigin origin, long createdMs)
    {
        Key = key;
        ClientOrderId = clientOrderId;
        Id = id;
        IdText = string.Create(CultureInfo.InvariantCulture, $"{id >> 48:x8}-0000-4000-8000-{id & 0xFFFF_FFFF_FFFF:x12}");
        SymbolId = symbolId;
        Spec = spec;
        Side = request.Side;
        Type = request.Type;
        TimeInForce = request.TimeInForce;
        PriceTicks = request.PriceTicks;
        QtyLots = request.QtyLots;
        TriggerTicks = request.TriggerPriceTicks;
        ReduceOnly = request.ReduceOnly;
        Role = request.Role;
        Origin = origin;
        CreatedMs = createdMs;
        UpdatedMs = createdMs;
        Status = OrderStatus.PendingNew;
    }

    /// <summary>Registry key: the client order id, or an internal key for orders without one (Bybit position TP/SL).</summary>
    public string Key { get; }

    /// <summary>The client order id the protocols show ("" for Bybit position TP/SL legs).</summary>
    public string ClientOrderId { get; }

    /// <summary>Numeric order id (Binance <c>orderId</c> / <c>algoId</c>).</summary>
    public long Id { get; }

    /// <summary>Order id in Bybit's UUID shape.</summary>
    public string IdText { get; }

    public int SymbolId { get; }

    public InstrumentSpec Spec { get; }

    public string Symbol => Spec.Symbol;

    public Side Side { get; }

    public OrderType Type { get; }

    public TimeInForce TimeInForce { get; }

    public OrderRole Role { get; }

    public OrderOrigin Origin { get; }

    public long PriceTicks { get; set; }

    public long QtyLots { get; set; }

    public long TriggerTicks { get; set; }

    public bool ReduceOnly { get; }

    /// <summary>Closes the whole position when triggered (Binance <c>closePosition</c>, Bybit position TP/SL, Bybit qty-0 close-on-trigger): the venue order follows the position size.</summary>
    public bool ClosePosition { get; init; }

    /// <summary>Which position stop this is (Bybit TP/SL legs).</summary>
    public WireStopKind Stop { get; init; }

    public OrderStatus Status { get; set; }

    public RejectReason Reject { get; set; }

    public long FilledLots { get; set; }

    public decimal FilledNotionalTicks { get; set; }

    public decimal CumFee { get; set; }

    public long CreatedMs { get; }

    public long UpdatedMs { get; set; }

    /// <summary>The id this order has at the simulated venue; null while a position-following order has nothing to protect.</summary>
    public string? VenueId { get; set; }

    /// <summary>Lots the venue order currently has (position-following orders).</summary>
    public long VenueQtyLots { get; set; }

    /// <summary>Re-placements of a position-following order at the venue (each needs a fresh venue id).</summary>
    public int VenueGeneration { get; set; }

    /// <summary>Binance: the id of the order a triggered algo order became (0 before the trigger).</summary>
    public long ActualOrderId { get; set; }

    /// <summary>Binance: when the trigger fired, ms (0 before).</summary>
    public long TriggerTimeMs { get; set; }

    public bool IsConditional => Type.IsConditional();

    public bool IsOpen => !Status.IsTerminal();

    public decimal AvgPriceTicks => FilledLots == 0 ? 0m : FilledNotionalTicks / FilledLots;

    /// <summary>
    /// A close-position order shows the quantity it was sent with: none on Binance (<c>closePosition</c>), "0" on Bybit
    /// until it triggers (then the size it closed). Bybit position TP/SL legs show the position's size.
    /// </summary>
    private bool ShowsNoQty(bool asActualOrder) =>
        ClosePosition && !asActualOrder && (Origin == OrderOrigin.BinanceAlgo || (Origin == OrderOrigin.Client && TriggerTimeMs == 0));

    /// <summary>The order as the frame writers take it; <paramref name="asActualOrder"/> shows a triggered algo order as the order it became.</summary>
    public WireOrder ToWire(bool asActualOrder = false) => new(
        Symbol, ClientOrderId, asActualOrder && ActualOrderId > 0 ? ActualOrderId : Id, IdText, Side, Type, TimeInForce, Status,
        PriceTicks, ShowsNoQty(asActualOrder) ? 0 : QtyLots, TriggerTicks, FilledLots, AvgPriceTicks, CumFee,
        ReduceOnly, ClosePosition, Reject, Stop, CreatedMs, UpdatedMs);
}
