namespace Smallfish.Core.State;

/// <summary>
/// The kill switch: once tripped it stays tripped, keeping its first reason, until an explicit resume. Nothing resets
/// it implicitly (not a new day, not a restart of a hosted service).
/// </summary>
public sealed class KillSwitchState
{
    /// <summary>True while new entries are blocked.</summary>
    public bool IsTripped { get; private set; }

    /// <summary>Why it was tripped (kept after a resume for reporting; None when never tripped).</summary>
    public KillSwitchReason Reason { get; private set; }

    /// <summary>Detail of the trip, if any.</summary>
    public string? Detail { get; private set; }

    /// <summary>Time of the last trip, ns (0 = never).</summary>
    public long TrippedNs { get; private set; }

    /// <summary>Time of the last resume, ns (0 = never).</summary>
    public long ResumedNs { get; private set; }

    /// <summary>Trips since start.</summary>
    public long TripCount { get; private set; }

    /// <summary>Trips the switch. Returns false (and keeps the first reason) when it is already tripped.</summary>
    public bool Trip(KillSwitchReason reason, long nowNs, string? detail = null)
    {
        if (reason == KillSwitchReason.None) throw new ArgumentOutOfRangeException(nameof(reason), reason, "a trip needs a reason");
        if (IsTripped) return false;
        IsTripped = true;
        Reason = reason;
        Detail = detail;
        TrippedNs = nowNs;
        TripCount++;
        return true;
    }

    /// <summary>Resumes trading. Returns false when the switch was not tripped.</summary>
    public bool Resume(long nowNs)
    {
        if (!IsTripped) return false;
        IsTripped = false;
        ResumedNs = nowNs;
        return true;
    }

    /// <summary>
    /// Takes over the switch as it was saved before a restart (tripped or not, its reason, times and trip count): a
    /// restart never resets a tripped switch.
    /// </summary>
    public void Restore(KillSwitchStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.IsTripped && status.Reason == KillSwitchReason.None) throw new ArgumentException("a tripped switch needs a reason", nameof(status));
        IsTripped = status.IsTripped;
        Reason = status.Reason;
        Detail = status.Detail;
        TrippedNs = status.TrippedNs;
        ResumedNs = status.ResumedNs;
        TripCount = status.TripCount;
    }

    /// <summary>An immutable copy.</summary>
    public KillSwitchStatus Snapshot() => new(IsTripped, Reason, Detail, TrippedNs, ResumedNs, TripCount);
}
