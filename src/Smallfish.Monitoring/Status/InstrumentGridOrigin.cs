namespace Smallfish.Monitoring.Status;

/// <summary>Where the running symbols' instrument grids came from.</summary>
public enum InstrumentGridOrigin
{
    /// <summary>The exchange's instruments endpoint, at start.</summary>
    Exchange,

    /// <summary>The configured <c>Smallfish:Instruments</c> fallback grids (the endpoint was unreachable).</summary>
    Fallback,
}
