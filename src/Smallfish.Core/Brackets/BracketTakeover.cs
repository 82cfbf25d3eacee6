using Smallfish.Core.Domain;
using Smallfish.Core.Execution;

namespace Smallfish.Core.Brackets;

/// <summary>
/// A position and its bracket as the restart reconciliation hands them to <see cref="BracketManager.Adopt"/>: the
/// exchange's position, the adopted live orders (null where none is kept), the levels and 1R decided for it, the
/// fills of its round trip when the journal's books agree with the exchange, and the price to judge a crossed stop by.
/// </summary>
/// <param name="Position">The position (exchange size and average entry; stop, take-profit and initial stop set).</param>
/// <param name="Sequence">Decision sequence its bracket orders' ids carry.</param>
/// <param name="DistanceTicks">1R, ticks.</param>
/// <param name="Stage">Where the stop stands.</param>
/// <param name="Stop">The adopted live stop, or null (one is placed at once).</param>
/// <param name="TakeProfit">The adopted take-profit, or null (one is placed).</param>
/// <param name="Partial">The adopted partial take-profit, or null (no new partial after a restart).</param>
/// <param name="PartialPriceTicks">The adopted partial's price, ticks (0 = none).</param>
/// <param name="History">The round trip's fills when the journal's books match the exchange's position; null = books start at the exchange's average entry.</param>
/// <param name="ReferencePriceTicks">The last price known, ticks (0 = none): a stop at or through it has been crossed.</param>
internal sealed record BracketTakeover(
    Position Position,
    long Sequence,
    long DistanceTicks,
    StopStage Stage,
    ManagedOrder? Stop,
    ManagedOrder? TakeProfit,
    ManagedOrder? Partial,
    long PartialPriceTicks,
    IReadOnlyList<Fill>? History,
    long ReferencePriceTicks);
