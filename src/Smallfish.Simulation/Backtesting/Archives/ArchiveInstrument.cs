using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>The symbol an archive file belongs to: its id in the engine's symbol table and its price/quantity grid.</summary>
/// <param name="SymbolId">Index of the symbol in the engine's symbol table.</param>
/// <param name="Spec">Tick size and quantity step used to turn the file's decimals into ticks and lots (exactly, or the row is rejected).</param>
public sealed record ArchiveInstrument(int SymbolId, InstrumentSpec Spec);
