using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Recording;

/// <summary>One entry of a recording's symbol table: the engine's symbol id and the instrument's price/quantity grid.</summary>
/// <param name="SymbolId">Index in the engine's symbol table, as carried by every event.</param>
/// <param name="Spec">Tick size, quantity step and minimums that give the recorded ticks and lots their meaning.</param>
public sealed record RecordedInstrument(int SymbolId, InstrumentSpec Spec);
