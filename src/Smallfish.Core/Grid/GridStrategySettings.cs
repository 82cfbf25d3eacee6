using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Grid;

/// <summary>What one symbol's <see cref="GridStrategy"/> is built from.</summary>
/// <param name="Options">The validated <c>Smallfish:Multigrid</c> section.</param>
/// <param name="Spec">The symbol's instrument.</param>
/// <param name="SymbolId">The symbol's index in the engine's symbol table (part of every client order id).</param>
/// <param name="Run">The engine incarnation (part of every client order id; restored from the journal and increased on
/// restart so that ids are never reused).</param>
/// <param name="FlattenOnKill"><c>Risk:KillSwitch:FlattenOnKill</c>: whether the kill switch also closes the grid's inventory.</param>
/// <param name="FirstSequence">First sequence number of the grid's client order ids. Grid ids carry the roles
/// <c>GridLevel</c> and <c>GridTakeProfit</c>, which no other component uses, so they never collide with the engine's
/// ids even when the sequences overlap.</param>
public sealed record GridStrategySettings(
    MultigridOptions Options,
    InstrumentSpec Spec,
    int SymbolId,
    long Run,
    bool FlattenOnKill,
    long FirstSequence = 1);
