using Smallfish.Core.Grid;

namespace Smallfish.Service.Activity;

/// <summary>
/// An engine core that can describe its books and fusion per symbol (and its grids) for monitoring. Called on the
/// engine loop's thread right after a snapshot is published. The service reads <c>TradingEngineCore</c> directly;
/// other cores (stand-ins in tests) implement this.
/// </summary>
public interface IEngineMarketView
{
    /// <summary>One view per symbol in symbol-table order.</summary>
    IReadOnlyList<SymbolMarketView> ReadMarket();

    /// <summary>The grid states (empty when the multigrid is off).</summary>
    IReadOnlyList<GridState> ReadGrids();
}
