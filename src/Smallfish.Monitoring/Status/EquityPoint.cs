namespace Smallfish.Monitoring.Status;

/// <summary>Equity at a moment.</summary>
/// <param name="TsNs">Time, ns since the Unix epoch.</param>
/// <param name="Equity">Equity, quote currency.</param>
public sealed record EquityPoint(long TsNs, decimal Equity);
