using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// Passes the engine's commands on to the venue and keeps a copy of each, stamped with the clock, for assertions on
/// the command sequence (and the rule that a client order id is placed at most once).
/// </summary>
internal sealed class RecordingOrders : IOrderCommands
{
    private readonly IOrderCommands _inner;
    private readonly SimulatedClock _clock;
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);

    public RecordingOrders(IOrderCommands inner, SimulatedClock clock)
    {
        _inner = inner;
        _clock = clock;
    }

    public List<string> Log { get; } = new();

    public List<OrderRequest> Placed { get; } = new();

    public List<string> Cancels { get; } = new();

    public List<(string Id, long Price, long Qty)> Amends { get; } = new();

    public List<string> DuplicateIds { get; } = new();

    /// <summary>Amends this says true for are recorded but never reach the venue (a request lost on the way, no answer).</summary>
    public Func<string, bool>? LoseAmend { get; set; }

    public List<string> LostAmends { get; } = new();

    public void Place(OrderRequest request)
    {
        if (!_placed.Add(request.ClientOrderId)) DuplicateIds.Add(request.ClientOrderId);
        Placed.Add(request);
        Log.Add(string.Create(CultureInfo.InvariantCulture,
            $"{_clock.NowNs} place {request.ClientOrderId} {request.Side} {request.Type} {request.TimeInForce} px={request.PriceTicks} qty={request.QtyLots} trig={request.TriggerPriceTicks} ro={request.ReduceOnly}"));
        _inner.Place(request);
    }

    public void Cancel(string symbol, string clientOrderId)
    {
        Cancels.Add(clientOrderId);
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{_clock.NowNs} cancel {clientOrderId}"));
        _inner.Cancel(symbol, clientOrderId);
    }

    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots)
    {
        Amends.Add((clientOrderId, newPriceTicks, newQtyLots));
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{_clock.NowNs} amend {clientOrderId} px={newPriceTicks} qty={newQtyLots}"));
        if (LoseAmend?.Invoke(clientOrderId) == true)
        {
            LostAmends.Add(clientOrderId);
            return;
        }
        _inner.Amend(symbol, clientOrderId, newPriceTicks, newQtyLots);
    }

    public IEnumerable<OrderRequest> PlacedWith(OrderRole role) => Placed.Where(p => p.Role == role);
}
