using Smallfish.Simulation.Venue.Faults;

namespace Smallfish.Emulator.Faults;

/// <summary>
/// Fault injection, switchable per test while the emulator runs. Every toggle is thread-safe and deterministic:
/// counted faults hit the next matching requests, frames or orders in arrival order, and the random ones draw from a
/// generator seeded by <see cref="VenueEmulatorOptions.FaultSeed"/>.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<RestFault> _rest = new();
    private readonly List<(EmulatorSurfaces Surfaces, string? Symbol)> _skips = new();
    private readonly Random _random;
    private readonly VenueFaults _venue;
    private int _postOnlyRejects;
    private int _marginRejects;
    private double _serverErrorProbability;
    private TimeSpan _frameDelay;

    internal EmulatorFaults(ulong seed, VenueFaults venue)
    {
        _random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        _venue = venue;
    }

    /// <summary>Set by the emulator: closes the matching WebSocket connections; returns how many.</summary>
    internal Func<EmulatorSurfaces, EmulatorStreamKind, int>? DropHandler { get; set; }

    /// <summary>Set by the emulator: expires every listen key; returns how many.</summary>
    internal Func<int>? ExpireListenKeysHandler { get; set; }

    /// <summary>Drops (aborts, no close handshake) the matching connections now; returns how many were dropped.</summary>
    public int DropConnections(EmulatorSurfaces surfaces = EmulatorSurfaces.Both, EmulatorStreamKind kind = EmulatorStreamKind.All) =>
        DropHandler?.Invoke(surfaces, kind) ?? 0;

    /// <summary>
    /// The next <paramref name="count"/> book deltas of <paramref name="symbol"/> (any symbol when null) on the given
    /// protocols are not sent: subscribers see the sequence jump (Bybit <c>u</c>, Binance <c>pu</c>) and must resync.
    /// </summary>
    public void SkipNextBookDelta(EmulatorSurfaces surfaces = EmulatorSurfaces.Both, string? symbol = null, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (int i = 0; i < count; i++) _skips.Add((surfaces, symbol));
        }
    }

    /// <summary>Every frame is sent this long after it was produced (0 = at once).</summary>
    public TimeSpan FrameDelay
    {
        get { lock (_gate) return _frameDelay; }
        set { lock (_gate) _frameDelay = value < TimeSpan.Zero ? TimeSpan.Zero : value; }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> REST calls to <paramref name="path"/> (every path when null) with
    /// HTTP <paramref name="status"/>. With <paramref name="executeFirst"/> the request is executed before failing,
    /// so its outcome is unknown to the client (Binance 503 "Unknown error").
    /// </summary>
    public void FailNextRequests(int count, string? path = null, int status = 503, bool executeFirst = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (status is < 500 or > 599) throw new ArgumentOutOfRangeException(nameof(status), status, "a server error is 5xx");
        Add(new RestFault(RestFaultKind.ServerError, count, path) { Status = status, ExecuteFirst = executeFirst });
    }

    /// <summary>
    /// Executes the next <paramref name="count"/> REST calls to <paramref name="path"/> and holds each answer for
    /// <paramref name="hold"/> or until the client gives up: an order is placed but its acknowledgement is lost.
    /// </summary>
    public void HoldNextResponses(int count, TimeSpan hold, string? path = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new RestFault(RestFaultKind.HoldAnswer, count, path) { Hold = hold });
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> REST calls to <paramref name="path"/> as rate-limited, resetting
    /// after <paramref name="resetAfter"/> (Bybit: <c>X-Bapi-Limit-Reset-Timestamp</c>; Binance: <c>Retry-After</c> in
    /// whole seconds, at least 1).
    /// </summary>
    public void RateLimitNext(int count, string? path = null, TimeSpan? resetAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new RestFault(RestFaultKind.RateLimited, count, path) { ResetAfter = resetAfter ?? TimeSpan.FromSeconds(1) });
    }

    /// <summary>Probability in [0, 1] that any REST call is answered 503 before execution (seeded draws).</summary>
    public double ServerErrorProbability
    {
        get { lock (_gate) return _serverErrorProbability; }
        set { lock (_gate) _serverErrorProbability = Math.Clamp(value, 0, 1); }
    }

    /// <summary>The next <paramref name="count"/> post-only orders are treated as if they would take liquidity.</summary>
    public void RejectNextPostOnly(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) _postOnlyRejects = count;
    }

    /// <summary>The next <paramref name="count"/> new orders (not reduce-only) are refused for insufficient margin.</summary>
    public void RejectNextForMargin(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) _marginRejects = count;
    }

    /// <summary>No single fill larger than this many lots (0 = off): orders fill in pieces (the shared fill model's hook).</summary>
    public long MaxFillLots
    {
        get => _venue.MaxFillLots;
        set => _venue.MaxFillLots = Math.Max(0, value);
    }

    /// <summary>Expires every Binance listen key now: user streams get <c>listenKeyExpired</c>; keep-alive answers -1125.</summary>
    public int ExpireListenKeys() => ExpireListenKeysHandler?.Invoke() ?? 0;

    /// <summary>Disarms every counted fault and resets delays and probabilities.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rest.Clear();
            _skips.Clear();
            _postOnlyRejects = _marginRejects = 0;
            _serverErrorProbability = 0;
            _frameDelay = TimeSpan.Zero;
        }
        _venue.MaxFillLots = 0;
    }

    internal RestFault? TakeRestFault(string path)
    {
        lock (_gate)
        {
            foreach (var f in _rest)
            {
                if (f.Remaining <= 0 || !f.Matches(path)) continue;
                f.Remaining--;
                return f;
            }
            _rest.RemoveAll(f => f.Remaining <= 0);
            if (_serverErrorProbability > 0 && _random.NextDouble() < _serverErrorProbability) return new RestFault(RestFaultKind.ServerError, 1, null);
            return null;
        }
    }

    internal bool TakeBookSkip(EmulatorSurfaces surface, string symbol)
    {
        lock (_gate)
        {
            int i = _skips.FindIndex(s => (s.Surfaces & surface) != 0 && (s.Symbol is null || s.Symbol == symbol));
            if (i < 0) return false;
            var s = _skips[i];
            var remaining = s.Surfaces & ~surface;
            if (remaining == 0) _skips.RemoveAt(i);
            else _skips[i] = (remaining, s.Symbol); // the other protocol still skips its next delta
            return true;
        }
    }

    internal bool TakePostOnlyReject()
    {
        lock (_gate)
        {
            if (_postOnlyRejects <= 0) return false;
            _postOnlyRejects--;
            return true;
        }
    }

    internal bool TakeMarginReject()
    {
        lock (_gate)
        {
            if (_marginRejects <= 0) return false;
            _marginRejects--;
            return true;
        }
    }

    private void Add(RestFault fault)
    {
        lock (_gate) _rest.Add(fault);
    }
}
