namespace Smallfish.Monitoring.Status;

/// <summary>Why the kill switch tripped (the transport twin of the engine's reason codes).</summary>
public enum KillSwitchCause
{
    /// <summary>Not tripped.</summary>
    None = 0,

    /// <summary>By the owner (Telegram /kill, CLI, status endpoint).</summary>
    Manual,

    /// <summary>Daily loss limit in R multiples.</summary>
    DailyLossR,

    /// <summary>Daily loss limit in quote currency.</summary>
    DailyLossMoney,

    /// <summary>Too many slippage breaches today.</summary>
    SlippageBreaches,

    /// <summary>Drawdown from the equity peak reached the limit.</summary>
    Drawdown,

    /// <summary>State and exchange disagree in a way the engine cannot fix by itself.</summary>
    Reconciliation,

    /// <summary>Market data or connectivity unusable.</summary>
    DataFault,

    /// <summary>A reason this transport does not know (a newer engine).</summary>
    Other,
}
