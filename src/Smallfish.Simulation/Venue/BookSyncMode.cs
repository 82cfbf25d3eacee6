namespace Smallfish.Simulation.Venue;

/// <summary>How the simulated venue applies book messages to its own view of each book.</summary>
public enum BookSyncMode : byte
{
    /// <summary>Snapshots replace, deltas apply, no sequence checks (<see cref="UncheckedBookSynchronizer"/>): for
    /// streams already checked upstream and for hand-made test streams.</summary>
    Unchecked,

    /// <summary>Bybit v5 rules (<see cref="Smallfish.Core.MarketData.BybitBookSynchronizer"/>).</summary>
    Bybit,

    /// <summary>Binance USD-M rules (<see cref="Smallfish.Core.MarketData.BinanceBookSynchronizer"/>).</summary>
    Binance,
}
