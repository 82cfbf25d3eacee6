using System.Collections.Concurrent;

namespace Smallfish.Exchanges.RateLimiting;

/// <summary>
/// Client-side pacing per rate-limit key: a token bucket for the steady rate, plus a "blocked until" instant set from
/// the venue's own answers (Bybit <c>X-Bapi-Limit-Reset-Timestamp</c> on 10006 or when <c>X-Bapi-Limit-Status</c>
/// reaches 0; Binance <c>Retry-After</c> on 429/418, or the used-weight header close to the budget). Every request
/// waits here first, so a rate-limit answer slows the whole client down instead of being hammered. Time and delays
/// come from the injected <see cref="TimeProvider"/>.
/// <para>One exception: a <em>protective</em> request (a stop-loss placement or amend, a reduce-only market exit) may
/// pass a venue-imposed block <em>once per block window</em>: the first protective request during a block goes out at
/// once, later ones wait like any other. A window is one unbroken blocked stretch; a block that extends a running one
/// (e.g. the 429 the bypassing request itself got) belongs to the same window, so the gate never ignores the venue's
/// back-off twice in a row. A bypassing request still takes a token from the local bucket. A naked position costs more
/// than one request during a back-off, and Binance itself exempts reduce-only and close-position orders from its
/// overload throttling (binance-usdm.md, -1008).</para>
/// </summary>
public sealed class RateLimitGate
{
    private readonly TimeProvider _clock;
    private readonly double _ratePerSecond;
    private readonly int _burst;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _waits;
    private long _bypasses;

    /// <summary>Creates a gate; <paramref name="ratePerSecond"/> &lt;= 0 disables the token bucket (headers still apply).</summary>
    public RateLimitGate(TimeProvider clock, double ratePerSecond, int burst)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _ratePerSecond = ratePerSecond;
        _burst = Math.Max(1, burst);
    }

    /// <summary>Number of times a caller had to wait.</summary>
    public long WaitCount => Interlocked.Read(ref _waits);

    /// <summary>Number of protective requests that went out through a venue-imposed block.</summary>
    public long BypassCount => Interlocked.Read(ref _bypasses);

    /// <summary>Waits until a request under <paramref name="key"/> may go out, then takes a token.</summary>
    public ValueTask WaitAsync(string key, CancellationToken ct) => WaitAsync(key, protective: false, ct);

    /// <summary>
    /// Waits until a request under <paramref name="key"/> may go out, then takes a token. A
    /// <paramref name="protective"/> request passes a venue-imposed block if no other protective request has passed it
    /// in the same block window (it still waits for a local token).
    /// </summary>
    public async ValueTask WaitAsync(string key, bool protective, CancellationToken ct)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, _clock.GetUtcNow()));
        while (true)
        {
            TimeSpan wait = bucket.TryTake(_clock.GetUtcNow(), _ratePerSecond, _burst, protective, out bool bypassed);
            if (bypassed) Interlocked.Increment(ref _bypasses);
            if (wait <= TimeSpan.Zero) return;
            Interlocked.Increment(ref _waits);
            await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Blocks <paramref name="key"/> until <paramref name="until"/> (local time); a later block wins.</summary>
    public void BlockUntil(string key, DateTimeOffset until)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, now));
        bucket.BlockUntil(now, until);
    }

    /// <summary>The instant <paramref name="key"/> is blocked until (the past when not blocked).</summary>
    public DateTimeOffset BlockedUntil(string key) =>
        _buckets.TryGetValue(key, out var b) ? b.Blocked : DateTimeOffset.MinValue;

    private sealed class Bucket
    {
        private readonly object _gate = new();
        private double _tokens;
        private DateTimeOffset _refilledAt;
        private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
        private bool _bypassUsed; // a protective request already passed the current block window

        public Bucket(int burst, DateTimeOffset now)
        {
            _tokens = burst;
            _refilledAt = now;
        }

        public DateTimeOffset Blocked { get { lock (_gate) return _blockedUntil; } }

        public void BlockUntil(DateTimeOffset now, DateTimeOffset until)
        {
            lock (_gate)
            {
                if (until <= _blockedUntil) return;
                if (now >= _blockedUntil) _bypassUsed = false; // not blocked before: a new window begins
                _blockedUntil = until;
            }
        }

        /// <summary>
        /// Takes a token and returns zero, or returns how long to wait before trying again. <paramref name="bypassed"/>
        /// is true when a protective request got its token through a venue-imposed block (this window's one bypass).
        /// </summary>
        public TimeSpan TryTake(DateTimeOffset now, double ratePerSecond, int burst, bool protective, out bool bypassed)
        {
            lock (_gate)
            {
                bypassed = false;
                bool blocked = now < _blockedUntil;
                if (blocked && (!protective || _bypassUsed)) return _blockedUntil - now;
                TimeSpan wait = TakeToken(now, ratePerSecond, burst);
                if (blocked && wait <= TimeSpan.Zero)
                {
                    _bypassUsed = true;
                    bypassed = true;
                }
                return wait;
            }
        }

        private TimeSpan TakeToken(DateTimeOffset now, double ratePerSecond, int burst)
        {
            if (ratePerSecond <= 0) return TimeSpan.Zero;
            double elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(burst, _tokens + elapsed * ratePerSecond);
                _refilledAt = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return TimeSpan.Zero;
            }
            return TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
        }
    }
}
