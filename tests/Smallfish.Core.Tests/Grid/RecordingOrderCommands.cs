using System.Globalization;
using Smallfish.Core.Domain;

namespace Smallfish.Core.Tests.Grid;

/// <summary>Forwards every command to the venue and keeps it, formatted, so tests can assert the exact command list.</summary>
internal sealed class RecordingOrderCommands(IOrderCommands inner, Func<long> now) : IOrderCommands
{
    public List<string> Log { get; } = new();

    public List<OrderRequest> Placed { get; } = new();

    public List<string> Cancelled { get; } = new();

    public void Place(OrderRequest request)
    {
        Placed.Add(request);
        Log.Add(Format(request));
        inner.Place(request);
    }

    public void Cancel(string symbol, string clientOrderId)
    {
        Cancelled.Add(clientOrderId);
        Log.Add("cancel " + clientOrderId);
        inner.Cancel(symbol, clientOrderId);
    }

    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots)
    {
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"amend {clientOrderId} {newPriceTicks} {newQtyLots}"));
        inner.Amend(symbol, clientOrderId, newPriceTicks, newQtyLots);
    }

    /// <summary>Commands sent since <paramref name="from"/> (an earlier <c>Log.Count</c>).</summary>
    public List<string> Since(int from) => Log.GetRange(from, Log.Count - from);

    /// <summary>The command text of a place, without the time: "place {side} {price} {lots} {tif}{ reduce-only}".</summary>
    public static string Format(OrderRequest r) => string.Create(CultureInfo.InvariantCulture,
        $"place {(r.Side == Side.Buy ? "buy" : "sell")} {r.PriceTicks} x{r.QtyLots} {r.Type} {r.TimeInForce}{(r.ReduceOnly ? " reduce-only" : "")} {r.Role} {r.ClientOrderId}");

    /// <summary>The log line for a place, for building expected command lists.</summary>
    public string PlaceLine(Side side, long price, long lots, string id, bool reduceOnly = false, OrderRole role = OrderRole.GridLevel) =>
        string.Create(CultureInfo.InvariantCulture,
            $"place {(side == Side.Buy ? "buy" : "sell")} {price} x{lots} Limit PostOnly{(reduceOnly ? " reduce-only" : "")} {role} {id}");

    internal long Now => now();
}
