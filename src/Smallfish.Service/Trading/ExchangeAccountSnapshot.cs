using Smallfish.Core.Recovery;

namespace Smallfish.Service.Trading;

/// <summary>What <see cref="ExchangeAccountReader"/> read at start-up.</summary>
/// <param name="Input">The exchange's part of the reconciliation input (positions, open orders, executions, prices, equity) with the journal's view.</param>
/// <param name="Equity">The wallet's equity (total, else balance), when the exchange reported one.</param>
/// <param name="Rounds">How many times positions and open orders were read after the executions (1 when nothing moved meanwhile).</param>
/// <param name="Consistent">
/// True when the last two reads of positions and open orders agreed, so the executions are exactly those behind the
/// positions; false when orders kept filling through <see cref="ExchangeAccountReader.MaxRounds"/> reads (the start
/// goes on with the last read, and the private stream's fills of adopted orders still reach the engine).
/// </param>
/// <param name="ExecutionsSinceMs">Start of the executions read, exchange ms (0 = the venue's default window).</param>
public sealed record ExchangeAccountSnapshot(ReconciliationInput Input, decimal? Equity, int Rounds, bool Consistent, long ExecutionsSinceMs);
