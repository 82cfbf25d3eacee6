namespace Smallfish.Emulator.Hosting;

/// <summary>Counts requests per key in fixed windows (Bybit: per endpoint per second; Binance: weight per minute) for the rate-limit headers.</summary>
internal sealed class RateWindow
{
    private readonly long _windowMs;
    private readonly Dictionary<string, (long Window, int Used)> _counts = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public RateWindow(long windowMs) => _windowMs = windowMs;

    /// <summary>Adds <paramref name="weight"/> to the key's current window; returns the total used and when the window ends (ms).</summary>
    public (int Used, long ResetMs) Add(string key, long nowMs, int weight)
    {
        long window = nowMs / _windowMs;
        lock (_gate)
        {
            _counts.TryGetValue(key, out var c);
            if (c.Window != window) c = (window, 0);
            c.Used += weight;
            _counts[key] = c;
            return (c.Used, (window + 1) * _windowMs);
        }
    }
}
