namespace Smallfish.Core.Domain;

/// <summary>Why a position was closed.</summary>
public enum ExitReason : byte
{
    /// <summary>Take-profit filled.</summary>
    TakeProfit,

    /// <summary>Stop-loss filled.</summary>
    StopLoss,

    /// <summary>Trailing stop filled.</summary>
    TrailingStop,

    /// <summary>Stop moved to break-even and filled there.</summary>
    BreakEven,

    /// <summary>Held longer than the time stop allows.</summary>
    TimeStop,

    /// <summary>Closed by the kill switch.</summary>
    KillSwitch,

    /// <summary>Closed because the signal reversed or decayed.</summary>
    Signal,

    /// <summary>Closed by hand or by a reconciliation rule.</summary>
    Manual,
}
