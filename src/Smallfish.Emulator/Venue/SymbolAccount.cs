using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// Per-symbol account bookkeeping the simulated venue does not expose: a mirror of the net position (to give each
/// fill its closed size and realized P&amp;L), the leverage, position TP/SL legs and the cross sequence that ties
/// executions to position updates.
/// </summary>
internal sealed class SymbolAccount
{
    public SymbolAccount(int leverage, long createdMs)
    {
        Leverage = leverage;
        CreatedMs = createdMs;
    }

    public NetPosition Mirror { get; } = new();

    public int Leverage { get; set; }

    /// <summary>Realized P&amp;L (gross) since the position last opened.</summary>
    public decimal CurRealized { get; set; }

    public long CreatedMs { get; }

    public long UpdatedMs { get; set; }

    /// <summary>Bybit cross sequence of executions and position updates.</summary>
    public long Seq { get; set; }

    /// <summary>Bybit position stop-loss leg (null = none).</summary>
    public EmulatedOrder? StopLoss { get; set; }

    /// <summary>Bybit position take-profit leg (null = none).</summary>
    public EmulatedOrder? TakeProfit { get; set; }

    /// <summary>Orders that follow the position size (Bybit TP/SL, Binance closePosition algo orders).</summary>
    public List<EmulatedOrder> PositionFollowers { get; } = new();
}
