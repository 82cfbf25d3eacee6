using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Venue.Faults;

/// <summary>
/// Faults the simulated venue can inject, for the loopback emulator and for tests of the engine's error paths. All
/// are off by default and deterministic: counted faults apply to the next commands in arrival order, and random
/// rejects draw from a <see cref="SeededRandom"/>. Settings may change between events; they apply from the next
/// command or match on.
/// </summary>
public sealed class VenueFaults
{
    private readonly SeededRandom _random;
    private int _rejectCount;
    private RejectReason _rejectReason;

    /// <summary>Creates the fault switchboard; <paramref name="seed"/> fixes the random rejects.</summary>
    public VenueFaults(ulong seed = 0) => _random = new SeededRandom(seed);

    /// <summary>Orders still to be rejected by <see cref="RejectNext"/>.</summary>
    public int PendingRejects => _rejectCount;

    /// <summary>When positive, no single fill is larger than this many lots (resting orders fill in pieces, takers
    /// take at most this much per level and expire the rest).</summary>
    public long MaxFillLots { get; set; }

    /// <summary>Extra delay added to every report (ack, fill, funding), ns; 0 = none.</summary>
    public long ExtraReportDelayNs { get; set; }

    /// <summary>Probability in [0, 1] that a new order is rejected with <see cref="RandomRejectReason"/>; 0 = never.</summary>
    public double RandomRejectProbability { get; set; }

    /// <summary>Reason used for random rejects.</summary>
    public RejectReason RandomRejectReason { get; set; } = RejectReason.Transient;

    /// <summary>Rejects the next <paramref name="count"/> new orders that reach the venue with <paramref name="reason"/>.</summary>
    public void RejectNext(int count, RejectReason reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _rejectCount = count;
        _rejectReason = reason;
    }

    /// <summary>Decides whether the order now arriving is rejected by a fault, and with which reason.</summary>
    public bool TryTakeReject(out RejectReason reason)
    {
        if (_rejectCount > 0)
        {
            _rejectCount--;
            reason = _rejectReason;
            return true;
        }
        if (RandomRejectProbability > 0 && _random.NextDouble() < RandomRejectProbability)
        {
            reason = RandomRejectReason;
            return true;
        }
        reason = RejectReason.None;
        return false;
    }

    /// <summary>Caps one fill at <see cref="MaxFillLots"/> when set.</summary>
    public long CapFill(long lots) => MaxFillLots > 0 ? Math.Min(lots, MaxFillLots) : lots;
}
