namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Risk:KillSwitch</c>.</summary>
public sealed class KillSwitchOptions
{
    /// <summary>
    /// When the kill switch trips (daily loss limit, slippage breaches, <c>/kill</c>): true also closes open positions
    /// and cancels their brackets; false only blocks new entries and leaves positions under their stops.
    /// </summary>
    public bool FlattenOnKill { get; set; } = true;
}
