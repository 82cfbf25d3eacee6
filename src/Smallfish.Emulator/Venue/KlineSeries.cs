namespace Smallfish.Emulator.Venue;

/// <summary>
/// Candles built from the replayed trades: one-minute bars in a ring (a day by default), aggregated on request into
/// any interval that is a whole number of minutes. A candle with no trade repeats the previous close (flat, zero
/// volume), as exchanges show quiet minutes.
/// </summary>
internal sealed class KlineSeries
{
    public const long MinuteMs = 60_000;
    private readonly MinuteBar[] _ring;
    private long _firstMinute = -1;
    private long _lastMinute = -1;

    public KlineSeries(int minutes = 24 * 60) => _ring = new MinuteBar[minutes];

    /// <summary>Adds a trade at <paramref name="timeMs"/>.</summary>
    public void Add(long timeMs, long priceTicks, long lots, decimal notional, bool takerBuy)
    {
        long minute = timeMs / MinuteMs;
        if (_lastMinute >= 0 && minute < _lastMinute) minute = _lastMinute; // late prints join the open bar
        if (_lastMinute < 0) _firstMinute = minute;
        for (long m = Math.Max(_lastMinute + 1, minute - _ring.Length + 1); m <= minute; m++)
        {
            ref var bar = ref _ring[Slot(m)];
            bar = default;
            bar.OpenTimeMs = m * MinuteMs;
        }
        _lastMinute = Math.Max(_lastMinute, minute);
        _firstMinute = Math.Max(_firstMinute, _lastMinute - _ring.Length + 1);
        _ring[Slot(minute)].Add(priceTicks, lots, notional, takerBuy);
    }

    /// <summary>The newest <paramref name="limit"/> candles of <paramref name="intervalMinutes"/> up to <paramref name="nowMs"/>, oldest first.</summary>
    public List<MinuteBar> Candles(int intervalMinutes, int limit, long nowMs)
    {
        var result = new List<MinuteBar>();
        if (_lastMinute < 0 || intervalMinutes <= 0 || limit <= 0) return result;
        long lastMinute = Math.Max(_lastMinute, nowMs / MinuteMs);
        long lastStart = lastMinute / intervalMinutes * intervalMinutes;
        long firstStart = Math.Max(_firstMinute / intervalMinutes * intervalMinutes, lastStart - (long)(limit - 1) * intervalMinutes);
        long previousClose = 0;
        for (long start = firstStart; start <= lastStart; start += intervalMinutes)
        {
            var candle = new MinuteBar { OpenTimeMs = start * MinuteMs };
            for (long m = Math.Max(start, _firstMinute); m < start + intervalMinutes && m <= _lastMinute; m++) candle.Merge(_ring[Slot(m)]);
            if (candle.Trades == 0)
            {
                if (previousClose == 0) continue;
                candle.Open = candle.High = candle.Low = candle.Close = previousClose;
            }
            previousClose = candle.Close;
            result.Add(candle);
        }
        return result;
    }

    /// <summary>Totals over the last <paramref name="minutes"/> minutes before <paramref name="nowMs"/>.</summary>
    public MinuteBar Window(int minutes, long nowMs)
    {
        var total = new MinuteBar();
        if (_lastMinute < 0) return total;
        long end = nowMs / MinuteMs;
        for (long m = Math.Max(_firstMinute, end - minutes + 1); m <= Math.Min(end, _lastMinute); m++) total.Merge(_ring[Slot(m)]);
        total.OpenTimeMs = (end - minutes + 1) * MinuteMs;
        return total;
    }

    private int Slot(long minute) => (int)(minute % _ring.Length);
}
