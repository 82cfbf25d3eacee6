namespace Smallfish.Core.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to. The backtest advances it to each replayed event's
/// timestamp; tests advance it instead of sleeping. Timers created from it fire, in due-time order, on the thread
/// that advances the clock, so a 30-day replay behaves as 30 days and runs in seconds.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<SimTimer> _timers = new();
    private long _nowNs;
    private long _timestampTicks;

    /// <summary>Starts the clock at <paramref name="startUnixNs"/> nanoseconds since the Unix epoch.</summary>
    public SimulatedClock(long startUnixNs = 1_700_000_000L * TimeProviderExtensions.NsPerSecond) => _nowNs = startUnixNs;

    /// <summary>Current simulated time, nanoseconds since the Unix epoch.</summary>
    public long NowNs => Volatile.Read(ref _nowNs);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => TimeProviderExtensions.FromUnixNs(NowNs);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() { lock (_gate) return _timestampTicks; }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing due timers on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), delta, "time cannot move backwards");
        AdvanceTo(NowNs + delta.Ticks * 100);
    }

    /// <summary>
    /// Moves time forward to <paramref name="unixNs"/>, firing every timer due at or before it in due-time order, each
    /// with the clock set to its due time. A target in the past is ignored (replayed streams are not strictly ordered
    /// across feeds; time never runs backwards).
    /// </summary>
    public void AdvanceTo(long unixNs)
    {
        if (_timers.Count == 0) { if (unixNs > _nowNs) SetNow(unixNs); return; }
        while (true)
        {
            SimTimer? due = null;
            lock (_gate)
            {
                if (unixNs < _nowNs) unixNs = _nowNs;
                foreach (var t in _timers)
                {
                    if (t.DueNs <= unixNs && (due is null || t.DueNs < due.DueNs || (t.DueNs == due.DueNs && t.Id < due.Id))) due = t;
                }
                if (due is null)
                {
                    SetNow(unixNs);
                    return;
                }
                SetNow(Math.Max(_nowNs, due.DueNs));
                if (due.PeriodNs > 0) due.DueNs += due.PeriodNs;
                else _timers.Remove(due);
            }
            TimersFired++;
            due.Fire();
        }
    }

    /// <summary>Timer callbacks fired so far: a caller can tell whether <see cref="AdvanceTo"/> ran any code.</summary>
    public long TimersFired { get; private set; }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Number of timers currently scheduled (for tests).</summary>
    public int PendingTimers { get { lock (_gate) return _timers.Count; } }

    private void SetNow(long ns)
    {
        _timestampTicks += (ns - _nowNs) / 100;
        _nowNs = ns;
    }

    private long _nextId;

    private sealed class SimTimer : ITimer
    {
        private readonly SimulatedClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;

        public SimTimer(SimulatedClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
        }

        public long Id;
        public long DueNs;
        public long PeriodNs;

        public void Fire() => _callback(_state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_clock._gate)
            {
                _clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                if (dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime));
                Id = ++_clock._nextId;
                DueNs = _clock._nowNs + dueTime.Ticks * 100;
                PeriodNs = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks * 100;
                _clock._timers.Add(this);
                return true;
            }
        }

        public void Dispose()
        {
            lock (_clock._gate) _clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
