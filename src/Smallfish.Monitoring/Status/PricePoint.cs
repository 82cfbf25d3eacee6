namespace Smallfish.Monitoring.Status;

/// <summary>A mid price at a moment.</summary>
/// <param name="TsNs">Time, ns since the Unix epoch.</param>
/// <param name="Mid">Mid price.</param>
public sealed record PricePoint(long TsNs, decimal Mid);
