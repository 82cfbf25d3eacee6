using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>
/// The position the journal last knew in one symbol, rebuilt from the journaled fills of Smallfish's orders since the
/// symbol was last flat, with the bracket levels of the orders sent for it.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Long or short.</param>
/// <param name="QtyLots">Open quantity, lots.</param>
/// <param name="AvgEntryTicks">Average entry price, ticks.</param>
/// <param name="OpenedNs">Time of the first entry fill, ns.</param>
/// <param name="Sequence">Decision sequence of the entry that opened it (-1 when unknown).</param>
/// <param name="StopTicks">Trigger of the latest stop order sent for it, ticks (0 = none known). Amends are not journaled, so a trailed stop shows its last placement.</param>
/// <param name="InitialStopTicks">Trigger of the first stop order sent for it (what 1R was), ticks (0 = none known).</param>
/// <param name="TakeProfitTicks">Price of the latest take-profit sent for it, ticks (0 = none known).</param>
/// <param name="PartialTaken">True once a partial take-profit of it filled.</param>
/// <param name="Fills">Its fills in journal order (entries and exits since it opened): the round trip's books.</param>
public sealed record KnownPosition(
    string Symbol,
    Side Side,
    long QtyLots,
    decimal AvgEntryTicks,
    long OpenedNs,
    long Sequence,
    long StopTicks,
    long InitialStopTicks,
    long TakeProfitTicks,
    bool PartialTaken,
    IReadOnlyList<Fill> Fills);
