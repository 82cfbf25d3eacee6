namespace Smallfish.Simulation.Replay;

/// <summary>Which exchange's book-sync rules a replayed symbol follows.</summary>
public enum ReplayVenue : byte
{
    /// <summary>Binance USD-M: REST snapshot plus <c>U/u/pu</c>-chained diffs.</summary>
    Binance,

    /// <summary>Bybit v5: WebSocket snapshot plus deltas with consecutive <c>u</c>.</summary>
    Bybit,
}
