using Smallfish.Core.MarketData;
using Smallfish.Simulation.Synthetic.Engine;
using Smallfish.Simulation.Synthetic.Episodes;

namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// A seeded synthetic market for one instrument: an L2 book and trade stream with labeled microstructure episodes
/// (spoofing, icebergs, sweeps, whale bursts, absorption, momentum, VWAP stretches, volatility regimes, imbalance,
/// thinning) between stretches of plain noise. It is NOT market data: <see cref="IsSynthetic"/> and
/// <see cref="Info"/> say so, and no code path may use it in place of real data without saying so.
/// </summary>
/// <remarks>
/// The stream opens with a book snapshot, then pushes deltas (Bybit-style: each <c>u</c> is the previous + 1, only
/// changed levels, absolute sizes, 0 = delete), trades and periodic tickers into an <see cref="IMarketEventSink"/> in
/// time order. The generator keeps its own book, so the stream is internally consistent: every delta applies cleanly
/// through <see cref="BybitBookSynchronizer"/>, the book never crosses, and every print takes size that was visible at
/// its price, except the hidden part of iceberg fills (only inside <see cref="EpisodeKind.IcebergRefill"/> episodes,
/// at their anchor price). Events are produced lazily, one action per <see cref="Step"/>; nothing accumulates, so an
/// hour-long stream costs no more memory than a minute. Same options = byte-identical stream (per platform).
/// A generator runs once; build a new one to replay.
/// </remarks>
public sealed class SyntheticMarketGenerator
{
    private const int PTaker = 0, PAdd = 1, PCancel = 2, PFar = 3, PJump = 4, PRefill = 5, PTicker = 6, PEpisode = 7, PCount = 8;

    private readonly SyntheticMarketOptions _o;
    private readonly FeedEmitter _feed;
    private readonly SyntheticMarket _market;
    private readonly BackgroundFlow _flow;
    private readonly TickerModel _ticker;
    private readonly SyntheticRandom _schedule;
    private readonly EpisodeScript[] _scripts;
    private readonly EpisodeLabel[] _labels;
    private readonly int[] _labelOfScript;
    private readonly long[] _next = new long[PCount];
    private readonly long _tickerIntervalNs;
    private int _nextScript;
    private EpisodeScript? _active;
    private bool _started;
    private bool _finished;

    /// <summary>Builds the generator and plans its episodes. Throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public SyntheticMarketGenerator(SyntheticMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("invalid synthetic market options:\n" + string.Join("\n", errors), nameof(options));
        _o = options;
        StartNs = options.StartTimeNs;
        EndNs = options.StartTimeNs + options.Duration.Ticks * 100;
        _feed = new FeedEmitter(options.SymbolId, options.Feed, new SyntheticRandom(options.Seed, SyntheticStreams.Latency));
        _market = new SyntheticMarket(options, _feed, new SyntheticRandom(options.Seed, SyntheticStreams.Market));
        _flow = new BackgroundFlow(_market, new SyntheticRandom(options.Seed, SyntheticStreams.Flow));
        _ticker = new TickerModel(options.Instrument, options.Feed, new SyntheticRandom(options.Seed, SyntheticStreams.Ticker));
        _schedule = new SyntheticRandom(options.Seed, SyntheticStreams.Schedule);
        _tickerIntervalNs = options.Feed.TickerInterval.Ticks * 100;
        _market.Initialize(options.Instrument.Price.FloorSteps(options.InitialPrice));

        var ctx = new EpisodeContext(_market.Sizes, options.Background.SigmaTicksPerSqrtSecond, (double)options.Background.MaxTradeQty);
        _scripts = EpisodePlanner.Plan(options, ctx).ToArray();
        (_labels, _labelOfScript) = BuildLabels(_scripts, options);
        Info = new SyntheticStreamInfo(options.Instrument.Symbol, options.Seed, StartNs, EndNs, _scripts.Length);
    }

    /// <summary>Always true: the stream is generated, not recorded.</summary>
    public bool IsSynthetic => true;

    /// <summary>The stream's metadata (label "SYNTHETIC", seed, span).</summary>
    public SyntheticStreamInfo Info { get; }

    /// <summary>The options the stream is built from.</summary>
    public SyntheticMarketOptions Options => _o;

    /// <summary>
    /// Every labeled stretch (episodes and Noise), in time order, not overlapping; known from construction. An episode's
    /// <see cref="EpisodeLabel.AnchorPriceTicks"/> is filled in when it starts.
    /// </summary>
    public IReadOnlyList<EpisodeLabel> Labels => _labels;

    /// <summary>Exchange time of the opening snapshot, ns.</summary>
    public long StartNs { get; }

    /// <summary>Exchange time the stream stops (exclusive), ns.</summary>
    public long EndNs { get; }

    /// <summary>True once the stream has run to its end.</summary>
    public bool IsFinished => _finished;

    /// <summary>Events pushed so far.</summary>
    public long EventCount => _feed.EventCount;

    /// <summary>Internal time of the next action (the snapshot's time before the first step; <see cref="EndNs"/> when finished).</summary>
    public long NextEventTimeNs
    {
        get
        {
            if (!_started) return StartNs;
            if (_finished) return EndNs;
            long t = _next[0];
            for (int i = 1; i < PCount; i++) t = Math.Min(t, _next[i]);
            return Math.Min(t, EndNs);
        }
    }

    /// <summary>Pushes every remaining event into <paramref name="sink"/>.</summary>
    public void Run(IMarketEventSink sink)
    {
        while (Step(sink)) { }
    }

    /// <summary>Pushes the events of every action due at or before <paramref name="untilNs"/>; returns false once finished.</summary>
    public bool RunUntil(IMarketEventSink sink, long untilNs)
    {
        while (!_finished && NextEventTimeNs <= untilNs)
        {
            if (!Step(sink)) return false;
        }
        return !_finished;
    }

    /// <summary>
    /// Performs the next action (the first call pushes the snapshot) and pushes its events, if any, into
    /// <paramref name="sink"/>. Returns false when the stream has ended.
    /// </summary>
    public bool Step(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_finished) return false;
        _feed.Sink = sink;
        if (!_started)
        {
            _started = true;
            _market.NowNs = StartNs;
            _feed.Snapshot(StartNs, _market.Bids, _market.Asks);
            ScheduleBackground(StartNs);
            _next[PRefill] = long.MaxValue;
            _next[PTicker] = _tickerIntervalNs > 0 ? StartNs + _tickerIntervalNs : long.MaxValue;
            _next[PEpisode] = _scripts.Length > 0 ? _scripts[0].StartNs : long.MaxValue;
            return true;
        }

        int p = 0;
        long t = _next[0];
        for (int i = 1; i < PCount; i++)
        {
            if (_next[i] < t) { t = _next[i]; p = i; }
        }
        if (t >= EndNs)
        {
            _finished = true;
            return false;
        }
        _market.NowNs = Math.Max(_market.NowNs, t);
        long now = _market.NowNs;
        switch (p)
        {
            case PTaker: _flow.TakerOrder(); break;
            case PAdd: _flow.NearAdd(); break;
            case PCancel: _flow.NearCancel(); break;
            case PFar: _flow.FarUpdate(); break;
            case PJump: _flow.Jump(); break;
            case PRefill: _flow.SpreadRefill(); break;
            case PTicker: _ticker.Emit(_market); break;
            default: EpisodeStep(now); break;
        }
        _market.EndAction();

        if (p < PRefill) _next[p] = NextArrival(now, Rate(p));
        else if (p == PRefill) _next[p] = long.MaxValue;
        else if (p == PTicker) _next[p] = t + _tickerIntervalNs;
        if (_market.SpreadTicks <= 1) _next[PRefill] = long.MaxValue;
        else if (_next[PRefill] == long.MaxValue)
            _next[PRefill] = NextArrival(_market.NowNs, 1e9 / (_o.Background.SpreadRefillMean.Ticks * 100.0));
        return true;
    }

    private void EpisodeStep(long now)
    {
        if (_active is null)
        {
            _active = _scripts[_nextScript++];
            _active.Begin(_market);
            ScheduleBackground(now);
        }
        else if (_active.EndNs <= _active.NextActionNs || _active.EndNs <= now)
        {
            _active.End(_market);
            UpdateAnchor(_active);
            _market.Guard.Clear();
            _market.Mod.Reset();
            ScheduleBackground(now);
            _active = null;
            _next[PEpisode] = _nextScript < _scripts.Length ? _scripts[_nextScript].StartNs : long.MaxValue;
            return;
        }
        else
        {
            _active.Act(_market);
        }
        UpdateAnchor(_active);
        _next[PEpisode] = Math.Max(_market.NowNs + 1, Math.Min(_active.NextActionNs, _active.EndNs));
    }

    private void UpdateAnchor(EpisodeScript s)
    {
        int i = _labelOfScript[s.Id];
        if (_labels[i].AnchorPriceTicks == 0 && s.AnchorPriceTicks != 0)
            _labels[i] = _labels[i] with { AnchorPriceTicks = s.AnchorPriceTicks };
    }

    private double Rate(int p)
    {
        var b = _o.Background;
        var mod = _market.Mod;
        return p switch
        {
            PTaker => b.TakerOrdersPerSecond * mod.TakerRate,
            PAdd => b.NearAddsPerSecond * 0.5 * (mod.AddRate[0] + mod.AddRate[1]),
            PCancel => b.NearCancelsPerSecond * 0.5 * (mod.CancelRate[0] + mod.CancelRate[1]),
            PFar => b.FarUpdatesPerSecond,
            PJump => b.MidJumpsPerSecond * mod.JumpRate,
            _ => 0,
        };
    }

    // Modulation changed (or the stream starts): redraw the next arrival of every background process from now.
    private void ScheduleBackground(long now)
    {
        for (int p = PTaker; p < PRefill; p++) _next[p] = NextArrival(now, Rate(p));
    }

    private long NextArrival(long now, double ratePerSecond) =>
        ratePerSecond > 0 ? now + Math.Max(1, (long)_schedule.Exponential(1e9 / ratePerSecond)) : long.MaxValue;

    private static (EpisodeLabel[] Labels, int[] LabelOfScript) BuildLabels(EpisodeScript[] scripts, SyntheticMarketOptions o)
    {
        var labels = new List<EpisodeLabel>();
        var map = new int[scripts.Length];
        long guard = o.Episodes.NoiseGuard.Ticks * 100, minNoise = o.Episodes.MinNoiseLength.Ticks * 100;
        long quietFrom = o.StartTimeNs;
        long end = o.StartTimeNs + o.Duration.Ticks * 100;
        var empty = System.Collections.ObjectModel.ReadOnlyDictionary<string, double>.Empty;
        void Noise(long from, long to, bool guardStart)
        {
            long a = from + (guardStart ? guard : 0), b = to - guard;
            if (b - a >= minNoise) labels.Add(new EpisodeLabel(labels.Count, EpisodeKind.Noise, 0, a, b, null, 0, null, empty));
        }
        for (int i = 0; i < scripts.Length; i++)
        {
            Noise(quietFrom, scripts[i].StartNs, guardStart: i > 0);
            scripts[i].Id = i;
            map[i] = labels.Count;
            labels.Add(scripts[i].ToLabel() with { Id = labels.Count });
            quietFrom = scripts[i].EndNs;
        }
        Noise(quietFrom, end + guard, guardStart: scripts.Length > 0);
        return (labels.ToArray(), map);
    }
}
