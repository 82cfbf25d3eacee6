namespace Smallfish.Service.Symbols;

/// <summary>Where the run's instrument grids (tick size, quantity step, minimums) came from.</summary>
public enum InstrumentGridSource
{
    /// <summary>The exchange's public instruments endpoint, at start.</summary>
    Exchange,

    /// <summary>The <c>Smallfish:Instruments</c> fallback grids: the endpoint was unreachable, or no exchange was asked.</summary>
    Configuration,
}
