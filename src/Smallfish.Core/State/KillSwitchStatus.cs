namespace Smallfish.Core.State;

/// <summary>An immutable copy of the kill switch.</summary>
/// <param name="IsTripped">True while new entries are blocked.</param>
/// <param name="Reason">Why it was tripped (the first reason; None when never tripped).</param>
/// <param name="Detail">Human-readable detail of the trip, if any.</param>
/// <param name="TrippedNs">Time of the last trip, ns (0 = never).</param>
/// <param name="ResumedNs">Time of the last resume, ns (0 = never).</param>
/// <param name="TripCount">Trips since start.</param>
public sealed record KillSwitchStatus(bool IsTripped, KillSwitchReason Reason, string? Detail, long TrippedNs, long ResumedNs, long TripCount);
