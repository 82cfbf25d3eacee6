namespace Smallfish.Simulation.Venue.Queue;

/// <summary>
/// Decides how much of a cancellation at a price level happened in front of a resting order. Trades are not the
/// model's business: they always consume the queue from the front (see <see cref="QueuePosition"/>). Only visible
/// size that left the level without trading, i.e. cancels, is uncertain, because an L2 feed does not say where in
/// the queue the cancelled orders stood.
/// </summary>
public interface IQueueModel
{
    /// <summary>
    /// The queue ahead of the order after <paramref name="cancelledLots"/> left a level that held
    /// <paramref name="levelLots"/> (the order itself not included) with <paramref name="aheadLots"/> of it in front.
    /// The result must lie between <c>max(0, aheadLots - cancelledLots)</c> and <paramref name="aheadLots"/>.
    /// </summary>
    long AheadAfterCancel(long aheadLots, long levelLots, long cancelledLots);
}
