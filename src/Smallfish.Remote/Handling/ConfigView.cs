namespace Smallfish.Remote.Handling;

/// <summary>
/// The configuration shown by <c>/config</c>: profile and risk parameters only. It has no field for keys, secrets,
/// tokens or passwords, and <see cref="Extra"/> entries whose names look like secrets are never shown.
/// </summary>
public sealed record ConfigView
{
    /// <summary>Active profile.</summary>
    public string Profile { get; init; } = "";

    /// <summary>Venue name.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>True on a testnet or in paper mode.</summary>
    public bool Testnet { get; init; }

    /// <summary>Traded symbols.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>Risk per trade as a fraction of equity (0.025 = 2.5 %).</summary>
    public double RiskPerTradeFraction { get; init; }

    /// <summary>Target reward-to-risk ratio.</summary>
    public double RewardToRisk { get; init; }

    /// <summary>Notional cap as a multiple of equity.</summary>
    public double EquityCapMultiple { get; init; }

    /// <summary>Daily loss limit in R before the kill switch.</summary>
    public double DailyLossLimitR { get; init; }

    /// <summary>Drawdown that triggers the alert/kill switch, fraction.</summary>
    public double MaxDrawdownFraction { get; init; }

    /// <summary>Spread gate, ticks.</summary>
    public int SpreadGateTicks { get; init; }

    /// <summary>Latency gate, milliseconds.</summary>
    public int LatencyGateMs { get; init; }

    /// <summary>Pause after a losing trade.</summary>
    public TimeSpan CooldownAfterLoss { get; init; }

    /// <summary>Partial take-profit enabled.</summary>
    public bool PartialTakeProfit { get; init; }

    /// <summary>Multigrid strategy enabled.</summary>
    public bool MultigridEnabled { get; init; }

    /// <summary>Further non-secret settings to show, name and display value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
}
