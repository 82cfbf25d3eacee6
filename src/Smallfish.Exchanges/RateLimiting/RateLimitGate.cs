using System.Collections.Concurrent;

namespace Smallfish.Exchanges.RateLimiting;

/// <summary>
/// Client-side pacing per rate-limit key: a token bucket for the steady rate, plus a "blocked until" instant set from
/// the venue's own answers (Bybit <c>X-Bapi-Limit-Reset-Timestamp</c> on 10006 or when <c>X-Bapi-Limit-Status</c>
/// reaches 0; Binance <c>Retry-After</c> on 429/418, or the used-weight header close to the budget). Every request
/// waits here first, so a rate-limit answer slows the whole client down instead of being hammered. Time and delays
/// come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class RateLimitGate
{
    private readonly TimeProvider _clock;
    private readonly double _ratePerSecond;
    private readonly int _burst;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _waits;

    /// <summary>Creates a gate; <paramref name="ratePerSecond"/> &lt;= 0 disables the token bucket (headers still apply).</summary>
    public RateLimitGate(TimeProvider clock, double ratePerSecond, int burst)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _ratePerSecond = ratePerSecond;
        _burst = Math.Max(1, burst);
    }

    /// <summary>Number of times a caller had to wait.</summary>
    public long WaitCount => Interlocked.Read(ref _waits);

    /// <summary>Waits until a request under <paramref name="key"/> may go out, then takes a token.</summary>
    public async ValueTask WaitAsync(string key, CancellationToken ct)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, _clock.GetUtcNow()));
        while (true)
        {
            TimeSpan wait = bucket.TryTake(_clock.GetUtcNow(), _ratePerSecond, _burst);
            if (wait <= TimeSpan.Zero) return;
            Interlocked.Increment(ref _waits);
            await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Blocks <paramref name="key"/> until <paramref name="until"/> (local time); a later block wins.</summary>
    public void BlockUntil(string key, DateTimeOffset until)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, _clock.GetUtcNow()));
        bucket.BlockUntil(until);
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

        public Bucket(int burst, DateTimeOffset now)
        {
            _tokens = burst;
            _refilledAt = now;
        }

        public DateTimeOffset Blocked { get { lock (_gate) return _blockedUntil; } }

        public void BlockUntil(DateTimeOffset until)
        {
            lock (_gate)
            {
                if (until > _blockedUntil) _blockedUntil = until;
            }
        }

        /// <summary>Takes a token and returns zero, or returns how long to wait before trying again.</summary>
        public TimeSpan TryTake(DateTimeOffset now, double ratePerSecond, int burst)
        {
            lock (_gate)
            {
                if (now < _blockedUntil) return _blockedUntil - now;
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
}
