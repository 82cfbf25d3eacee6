using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData.Tape;

namespace Smallfish.Core.MarketData;

/// <summary>
/// The trade tape of one symbol: rolling windows over trade prints (buy and sell volume, count, notional, VWAP, CVD,
/// trades per second), a session VWAP and CVD, a running CVD, large-order detection against the recent size
/// distribution, and aggressive-burst (sweep) tracking. Prints are kept in a preallocated ring; nothing is allocated per
/// trade.
/// </summary>
/// <remarks>
/// <para>Window convention: a trade stamped at <c>t</c> is inside a window of length <c>W</c> at time <c>now</c> iff
/// <c>now - W &lt; t &lt;= now</c>. A trade therefore counts from the instant it is stamped and leaves exactly when
/// <c>now</c> reaches <c>t + W</c>.</para>
/// <para>Time: the tape's clock is the <c>nowNs</c> its caller passes (the engine's decision clock; in a backtest the
/// simulated clock driven by exchange time). Expiry is driven by that time alone, also when no trade arrives
/// (<see cref="Advance"/>); the tape's clock never runs backwards (an earlier <c>nowNs</c> is ignored). A trade is
/// stamped with its exchange time, clamped to at most <c>now</c> (so a print from a clock that runs ahead is not
/// counted in the future) and to at least the previous stamp (so the ring stays in time order).</para>
/// </remarks>
public sealed class TradeTape
{
    private const long DayNs = 86_400_000_000_000L;
    private const long HourNs = 3_600_000_000_000L;

    private readonly long[] _ts;
    private readonly long[] _price;
    private readonly long[] _qty;
    private readonly bool[] _buy;
    private readonly int _mask;
    private readonly long[] _windowNs;
    private readonly long[] _tail; // per window: sequence number of its oldest trade
    private readonly TradeWindowStats[] _stats;
    private readonly long _sessionOffsetNs; // -1 = no automatic session reset
    private long _head; // sequence number of the next trade
    private long _lastStampNs = long.MinValue;
    private long _nextSessionResetNs = long.MaxValue;
    private Int128 _sessionNotional;

    /// <summary>Creates a tape with the windows (<see cref="MicrostructureOptions.EffectiveTapeWindowsMs"/>) and large-trade settings of <paramref name="options"/>.</summary>
    public TradeTape(MicrostructureOptions options)
        : this(options, [.. (options ?? throw new ArgumentNullException(nameof(options))).EffectiveTapeWindowsMs])
    {
    }

    /// <summary>Creates a tape with the given window lengths (ms; duplicates are merged) and the other settings of <paramref name="options"/>.</summary>
    public TradeTape(MicrostructureOptions options, ReadOnlySpan<long> windowsMs)
    {
        ArgumentNullException.ThrowIfNull(options);
        var distinct = new SortedSet<long>();
        foreach (long w in windowsMs)
        {
            if (w <= 0) throw new ArgumentOutOfRangeException(nameof(windowsMs), w, "window lengths must be > 0 ms");
            distinct.Add(w);
        }
        if (distinct.Count == 0) throw new ArgumentException("at least one window is needed", nameof(windowsMs));

        _windowNs = new long[distinct.Count];
        _stats = new TradeWindowStats[distinct.Count];
        _tail = new long[distinct.Count];
        int k = 0;
        foreach (long w in distinct)
        {
            _windowNs[k] = w * 1_000_000;
            _stats[k].WindowNs = _windowNs[k];
            k++;
        }

        int capacity = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, options.TapeCapacityTrades)));
        _ts = new long[capacity];
        _price = new long[capacity];
        _qty = new long[capacity];
        _buy = new bool[capacity];
        _mask = capacity - 1;
        _sessionOffsetNs = options.SessionResetHourUtc is >= 0 and <= 23 ? options.SessionResetHourUtc * HourNs : -1;

        LargeTrades = new LargeTradeDetector(
            options.LargeTradePercentile, options.LargeTradeLookbackTrades, options.LargeTradeMinSamples, options.LargeTradeHistoryCapacity);
        Bursts = new AggressiveBurstTracker(options.SweepMaxGapMs * 1_000_000, options.SweepMinLevels);
    }

    /// <summary>Number of windows.</summary>
    public int WindowCount => _windowNs.Length;

    /// <summary>Trades the ring holds before the oldest leave the windows early.</summary>
    public int Capacity => _ts.Length;

    /// <summary>The tape's current time, ns (the latest <c>nowNs</c> passed in; <see cref="long.MinValue"/> before any).</summary>
    public long NowNs { get; private set; } = long.MinValue;

    /// <summary>Time of the first call, ns (<see cref="long.MinValue"/> before any).</summary>
    public long StartNs { get; private set; } = long.MinValue;

    /// <summary>Trade prints added since creation.</summary>
    public long TotalTrades => _head;

    /// <summary>Trades that left a window early because the ring was full (the ring is too small for the flow).</summary>
    public long Overflows { get; private set; }

    /// <summary>Running cumulative volume delta since creation (buy - sell), lots. Never reset.</summary>
    public long CvdTotalLots { get; private set; }

    /// <summary>Time the current session started, ns.</summary>
    public long SessionStartNs { get; private set; } = long.MinValue;

    /// <summary>Volume since the session start, lots.</summary>
    public long SessionVolumeLots { get; private set; }

    /// <summary>CVD since the session start (buy - sell), lots.</summary>
    public long SessionCvdLots { get; private set; }

    /// <summary>Session VWAP in ticks; NaN while the session has no volume.</summary>
    public double SessionVwapTicks => SessionVolumeLots > 0 ? (double)_sessionNotional / SessionVolumeLots : double.NaN;

    /// <summary>Large taker-order detection and the ring of recent large orders.</summary>
    public LargeTradeDetector LargeTrades { get; }

    /// <summary>Aggressive bursts (sweep detection).</summary>
    public AggressiveBurstTracker Bursts { get; }

    /// <summary>Length of window <paramref name="index"/>, ms.</summary>
    public long WindowMs(int index) => _windowNs[index] / 1_000_000;

    /// <summary>Index of the window of length <paramref name="windowMs"/>, or -1 when the tape has no such window.</summary>
    public int IndexOfWindow(long windowMs)
    {
        long ns = windowMs * 1_000_000;
        for (int i = 0; i < _windowNs.Length; i++)
        {
            if (_windowNs[i] == ns) return i;
        }
        return -1;
    }

    /// <summary>Totals of window <paramref name="index"/> as of <see cref="NowNs"/>.</summary>
    public ref readonly TradeWindowStats Window(int index) => ref _stats[index];

    /// <summary>
    /// Adds a trade print at time <paramref name="nowNs"/>: advances the tape to <paramref name="nowNs"/>, stamps the print
    /// (see the remarks on time), updates every window, the session and running totals, the large-order detector and the
    /// burst tracker. Returns true when this print made its taker order large.
    /// </summary>
    public bool Add(in TradeEvent trade, long nowNs)
    {
        Advance(nowNs);
        long stamp = trade.ExchTsNs;
        if (stamp > NowNs) stamp = NowNs;
        if (stamp < _lastStampNs) stamp = _lastStampNs;
        _lastStampNs = stamp;

        long qty = trade.QtyLots;
        long price = trade.PriceTicks;
        bool buy = trade.Aggressor == Side.Buy;

        // The slot about to be overwritten may still be inside a window: take it out first.
        long evicted = _head - _ts.Length;
        if (evicted >= 0)
        {
            bool lost = false;
            for (int i = 0; i < _tail.Length; i++)
            {
                if (_tail[i] <= evicted)
                {
                    RemoveOldest(i);
                    lost = true;
                }
            }
            if (lost) Overflows++;
        }

        int slot = (int)(_head & _mask);
        _ts[slot] = stamp;
        _price[slot] = price;
        _qty[slot] = qty;
        _buy[slot] = buy;
        _head++;
        for (int i = 0; i < _stats.Length; i++) _stats[i].Add(price, qty, buy);

        long signed = buy ? qty : -qty;
        CvdTotalLots += signed;
        SessionCvdLots += signed;
        SessionVolumeLots += qty;
        _sessionNotional += (Int128)price * qty;

        Bursts.OnTrade(trade.Aggressor, stamp, price, qty);
        bool large = LargeTrades.OnTrade(trade.Aggressor, trade.ExchTsNs, stamp, price, qty);
        Expire(); // a print older than a window's start leaves it at once
        return large;
    }

    /// <summary>
    /// Moves the tape's time to <paramref name="nowNs"/> (ignored when earlier than the current time): trades at or
    /// before <c>now - W</c> leave each window, and the session restarts when the daily reset time is reached.
    /// </summary>
    public void Advance(long nowNs)
    {
        if (NowNs != long.MinValue && nowNs <= NowNs) return;
        if (StartNs == long.MinValue)
        {
            StartNs = nowNs;
            SessionStartNs = nowNs;
            if (_sessionOffsetNs >= 0) _nextSessionResetNs = NextBoundary(nowNs);
        }
        NowNs = nowNs;
        if (nowNs >= _nextSessionResetNs)
        {
            long boundary = _nextSessionResetNs;
            while (boundary + DayNs <= nowNs) boundary += DayNs;
            ResetSession(boundary);
            _nextSessionResetNs = boundary + DayNs;
        }
        Expire();
    }

    /// <summary>Restarts the session VWAP and session CVD at <paramref name="sessionStartNs"/>.</summary>
    public void ResetSession(long sessionStartNs)
    {
        SessionStartNs = sessionStartNs;
        SessionVolumeLots = 0;
        SessionCvdLots = 0;
        _sessionNotional = 0;
    }

    private long NextBoundary(long nowNs)
    {
        long day = Math.DivRem(nowNs - _sessionOffsetNs, DayNs, out long rem);
        if (rem < 0) day--;
        return (day + 1) * DayNs + _sessionOffsetNs;
    }

    private void Expire()
    {
        long now = NowNs;
        for (int i = 0; i < _windowNs.Length; i++)
        {
            long limit = now - _windowNs[i];
            while (_tail[i] < _head && _ts[(int)(_tail[i] & _mask)] <= limit) RemoveOldest(i);
        }
    }

    private void RemoveOldest(int window)
    {
        int slot = (int)(_tail[window] & _mask);
        _stats[window].Remove(_price[slot], _qty[slot], _buy[slot]);
        _tail[window]++;
    }
}
