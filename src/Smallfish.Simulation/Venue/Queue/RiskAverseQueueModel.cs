namespace Smallfish.Simulation.Venue.Queue;

/// <summary>
/// The pessimistic model and the default: cancels never advance the order, only trades do. The one exception is
/// physical: the queue ahead can never exceed the size still visible at the price, so when the level shrinks below
/// it the order moves up to the level's size (<see cref="QueuePosition"/> applies that cap for every model).
/// A strategy that is profitable under this model does not rely on other traders cancelling in front of it.
/// </summary>
public sealed class RiskAverseQueueModel : IQueueModel
{
    /// <summary>The shared instance (the model has no state).</summary>
    public static RiskAverseQueueModel Instance { get; } = new();

    /// <inheritdoc />
    public long AheadAfterCancel(long aheadLots, long levelLots, long cancelledLots) => aheadLots;
}
