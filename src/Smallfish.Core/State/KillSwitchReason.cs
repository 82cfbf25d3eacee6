namespace Smallfish.Core.State;

/// <summary>Why the kill switch was tripped.</summary>
public enum KillSwitchReason : byte
{
    /// <summary>Not tripped.</summary>
    None = 0,

    /// <summary>Tripped by the owner (Telegram /kill, CLI, status endpoint).</summary>
    Manual,

    /// <summary>The day's net realized loss reached the limit in R multiples.</summary>
    DailyLossR,

    /// <summary>The day's net realized loss reached the limit in quote currency.</summary>
    DailyLossMoney,

    /// <summary>Too many slippage breaches today.</summary>
    SlippageBreaches,

    /// <summary>Drawdown from the equity peak reached the limit.</summary>
    Drawdown,

    /// <summary>State and exchange disagree in a way the engine cannot fix by itself.</summary>
    Reconciliation,

    /// <summary>Market data or connectivity is unusable.</summary>
    DataFault,
}
