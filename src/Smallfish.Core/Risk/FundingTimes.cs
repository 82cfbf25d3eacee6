namespace Smallfish.Core.Risk;

/// <summary>
/// Funding times of one symbol, for the funding-window gate. Fed the ticker's next funding time; remembers the funding
/// time before it, because the window is on both sides of a funding and the ticker already announces the next one
/// during the minutes after a funding. Until a ticker has announced a time, it assumes the usual eight-hour grid
/// (00:00, 08:00, 16:00 UTC) both exchanges use for the major perpetuals. No clock is read here.
/// </summary>
public sealed class FundingTimes
{
    /// <summary>The default funding interval: eight hours, ns.</summary>
    public const long DefaultIntervalNs = 8L * 3600 * 1_000_000_000;

    private long _next;
    private long _previous;

    /// <summary>Next funding time announced by the exchange, ns (0 = none yet).</summary>
    public long AnnouncedNextNs => _next;

    /// <summary>Records the next funding time a ticker announced (0 = the message did not carry it).</summary>
    public void OnNextFundingTime(long nextFundingNs)
    {
        if (nextFundingNs <= 0 || nextFundingNs == _next) return;
        if (_next > 0 && nextFundingNs > _next) _previous = _next;
        _next = nextFundingNs;
    }

    /// <summary>
    /// Distance in ns from <paramref name="nowNs"/> to the nearest funding time, before or after (always &gt;= 0).
    /// </summary>
    public long DistanceToNearestNs(long nowNs)
    {
        long after, before;
        if (_next > 0 && _next >= nowNs)
        {
            after = _next;
            before = _previous > 0 ? _previous : _next - DefaultIntervalNs;
        }
        else if (_next > 0)
        {
            // The announced time has passed and no newer ticker arrived yet: it is the one before.
            before = _next;
            after = _next + DefaultIntervalNs;
        }
        else
        {
            long rem = nowNs % DefaultIntervalNs;
            if (rem < 0) rem += DefaultIntervalNs;
            before = nowNs - rem;
            after = before + DefaultIntervalNs;
        }
        return Math.Min(Math.Max(0, after - nowNs), Math.Max(0, nowNs - before));
    }
}
