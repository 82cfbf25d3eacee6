namespace Smallfish.Core.Domain;

/// <summary>
/// The commands the engine sends to a venue. The live gateway executes them over REST; the simulated venue matches
/// them against the replayed book. Results arrive later through <see cref="IExecutionSink"/>; a call only hands the
/// command over and never blocks the engine.
/// </summary>
public interface IOrderCommands
{
    /// <summary>Places an order.</summary>
    void Place(OrderRequest request);

    /// <summary>Cancels an order by client id.</summary>
    void Cancel(string symbol, string clientOrderId);

    /// <summary>Amends price and/or quantity of a resting order (0 = unchanged).</summary>
    void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots);
}
