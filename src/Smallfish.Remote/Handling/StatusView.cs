namespace Smallfish.Remote.Handling;

/// <summary>A snapshot of the engine for <c>/status</c>. Plain data: no keys, tokens or passwords.</summary>
public sealed record StatusView
{
    /// <summary>When the snapshot was taken.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>How the service runs: <c>paper</c>, <c>testnet</c>, <c>live</c> or <c>offline</c> (empty when not told).</summary>
    public string Mode { get; init; } = "";

    /// <summary>Venue name, e.g. <c>bybit</c>.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>Active profile, e.g. <c>aggressive</c>.</summary>
    public string Profile { get; init; } = "";

    /// <summary>True on a testnet or in paper mode.</summary>
    public bool Testnet { get; init; }

    /// <summary>Quote currency of the amounts.</summary>
    public string Currency { get; init; } = "USDT";

    /// <summary>Account equity.</summary>
    public decimal Equity { get; init; }

    /// <summary>Realized plus unrealized P&amp;L since the start of the UTC day.</summary>
    public decimal DayPnl { get; init; }

    /// <summary>Current drawdown from the equity peak, as a fraction (0.05 = 5 %).</summary>
    public double DrawdownFraction { get; init; }

    /// <summary>True while the kill switch blocks trading.</summary>
    public bool KillSwitchActive { get; init; }

    /// <summary>Why the kill switch is active.</summary>
    public string? KillSwitchReason { get; init; }

    /// <summary>Volatility regime label (low, normal, high, extreme).</summary>
    public string VolatilityRegime { get; init; } = "";

    /// <summary>Round trips closed today.</summary>
    public int TradesToday { get; init; }

    /// <summary>Winning round trips today.</summary>
    public int WinsToday { get; init; }

    /// <summary>Losing round trips today.</summary>
    public int LossesToday { get; init; }

    /// <summary>Working (resting) orders.</summary>
    public int WorkingOrders { get; init; }

    /// <summary>Open positions.</summary>
    public IReadOnlyList<PositionView> Positions { get; init; } = [];

    /// <summary>When the service started, if known.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
