using System.Collections.Immutable;

namespace Smallfish.Core.State;

/// <summary>An immutable copy of one symbol's latest signal scores.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Signals">Per-signal scores, in the signal table's order.</param>
/// <param name="Fused">Fused confidence score.</param>
/// <param name="UpdatedNs">Decision time of the scores, ns (0 = never scored).</param>
public sealed record SymbolScores(string Symbol, ImmutableArray<double> Signals, double Fused, long UpdatedNs);
