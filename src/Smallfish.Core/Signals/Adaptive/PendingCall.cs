namespace Smallfish.Core.Signals.Adaptive;

/// <summary>A sampled call of one signal awaiting its outcome.</summary>
/// <param name="TsNs">Time of the call, ns.</param>
/// <param name="Direction">+1 buy, -1 sell.</param>
/// <param name="MidTicks">Mid at the call, ticks.</param>
/// <param name="CostTicks">Move the call must beat to count as a hit, ticks.</param>
public readonly record struct PendingCall(long TsNs, int Direction, double MidTicks, double CostTicks);
