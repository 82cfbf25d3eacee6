using Smallfish.Core.Domain;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Journal;

/// <summary>
/// What an entry that a gate blocked would have done (the seed systems' "phantom trades"): opened at the intended
/// price, closed at the bracket it would have had.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">Intended side.</param>
/// <param name="BlockedBy">The gate that blocked it.</param>
/// <param name="OpenedNs">Decision time, ns.</param>
/// <param name="ClosedNs">Time the hypothetical bracket resolved, ns (0 while open).</param>
/// <param name="EntryPriceTicks">Hypothetical entry price.</param>
/// <param name="StopTicks">Hypothetical stop.</param>
/// <param name="TakeProfitTicks">Hypothetical take-profit.</param>
/// <param name="ExitPriceTicks">Hypothetical exit price (0 while open).</param>
/// <param name="RMultiple">Outcome in R (before fees); NaN while open.</param>
/// <param name="Confidence">Fused confidence at the decision.</param>
public sealed record ShadowTrade(
    string Symbol,
    Side Side,
    GateReason BlockedBy,
    long OpenedNs,
    long ClosedNs,
    long EntryPriceTicks,
    long StopTicks,
    long TakeProfitTicks,
    long ExitPriceTicks,
    double RMultiple,
    double Confidence);
