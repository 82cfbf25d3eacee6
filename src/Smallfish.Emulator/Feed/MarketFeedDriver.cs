using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Feed;

/// <summary>
/// Moves a <see cref="IMarketFeedSource"/> into the venue: step by step under a test's control (<see cref="Step()"/>:
/// deterministic, no clocks involved) or in the background at the source's own pace (<see cref="Start"/> with a speed
/// factor: 1 = real time, 10 = ten times faster, infinity = as fast as the venue takes it). Events are copied out of
/// the source's buffers and released in source order.
/// </summary>
public sealed class MarketFeedDriver : IAsyncDisposable
{
    private const int YieldEvery = 1024;
    private readonly IMarketFeedSource? _source;
    private readonly IMarketEventSink _venue;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly Queue<StagedEvent> _staged = new();
    private readonly Stack<StagedEvent> _pool = new();
    private readonly Stager _stager;
    private CancellationTokenSource? _run;
    private Task? _loop;
    private long _released;
    private int _finished;

    internal MarketFeedDriver(IMarketFeedSource? source, IMarketEventSink venue, TimeProvider clock)
    {
        _source = source;
        _venue = venue;
        _clock = clock;
        _stager = new Stager(this);
    }

    /// <summary>The source's description, or "none".</summary>
    public string Description => _source?.Description ?? "none";

    /// <summary>True when a source was given.</summary>
    public bool HasSource => _source is not null;

    /// <summary>True once the source has ended (or when there is none).</summary>
    public bool IsFinished => _source is null || Volatile.Read(ref _finished) != 0;

    /// <summary>True while the background run is going.</summary>
    public bool IsRunning => _loop is { IsCompleted: false };

    /// <summary>Events handed to the venue so far.</summary>
    public long EventsReleased => Interlocked.Read(ref _released);

    /// <summary>Runs one source step and releases its events at once; false when the source has ended.</summary>
    public bool Step()
    {
        if (IsRunning) throw new InvalidOperationException("the feed is running in the background; stop it before stepping");
        lock (_gate)
        {
            if (!Pull()) return false;
            while (_staged.Count > 0) Release(_staged.Dequeue());
            return true;
        }
    }

    /// <summary>Runs up to <paramref name="steps"/> steps; returns how many ran.</summary>
    public int Step(int steps)
    {
        int n = 0;
        while (n < steps && Step()) n++;
        return n;
    }

    /// <summary>Starts releasing the source in the background at <paramref name="speed"/> times its own pace.</summary>
    public void Start(double speed = 1.0)
    {
        if (speed <= 0 || double.IsNaN(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be positive");
        if (_source is null) throw new InvalidOperationException("no feed source");
        if (IsRunning) return;
        _run = new CancellationTokenSource();
        _loop = RunAsync(speed, _run.Token);
    }

    /// <summary>Stops the background run (events already released stay released).</summary>
    public async Task StopAsync()
    {
        var run = _run;
        var loop = _loop;
        if (run is null || loop is null) return;
        await run.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        run.Dispose();
        _run = null;
        _loop = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task RunAsync(double speed, CancellationToken ct)
    {
        await Task.Yield();
        long wallStart = _clock.GetTimestamp();
        long firstNs = long.MinValue;
        int sinceYield = 0;
        while (!ct.IsCancellationRequested)
        {
            StagedEvent next;
            lock (_gate)
            {
                if (_staged.Count == 0 && !Pull()) return;
                if (_staged.Count == 0) continue;
                next = _staged.Peek();
            }
            long ts = next.TsNs;
            if (firstNs == long.MinValue) firstNs = ts;
            if (!double.IsPositiveInfinity(speed))
            {
                var due = TimeSpan.FromTicks((long)(Math.Max(0, ts - firstNs) / 100 / speed));
                var wait = due - _clock.GetElapsedTime(wallStart);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
            }
            else if (++sinceYield >= YieldEvery)
            {
                sinceYield = 0;
                await Task.Yield();
            }
            lock (_gate) Release(_staged.Dequeue());
        }
    }

    /// <summary>Runs one source step into the staging queue; false when the source has ended.</summary>
    private bool Pull()
    {
        if (IsFinished) return false;
        if (_source!.Step(_stager)) return true;
        Volatile.Write(ref _finished, 1);
        return _staged.Count > 0;
    }

    private void Release(StagedEvent e)
    {
        e.ReleaseTo(_venue);
        Interlocked.Increment(ref _released);
        _pool.Push(e);
    }

    private StagedEvent Rent(StagedEventKind kind)
    {
        var e = _pool.Count > 0 ? _pool.Pop() : new StagedEvent();
        e.Kind = kind;
        _staged.Enqueue(e);
        return e;
    }

    private sealed class Stager : IMarketEventSink
    {
        private readonly MarketFeedDriver _owner;

        public Stager(MarketFeedDriver owner) => _owner = owner;

        public void OnBook(BookUpdate update) => _owner.Rent(StagedEventKind.Book).Book.CopyFrom(update);

        public void OnTrade(in TradeEvent trade) => _owner.Rent(StagedEventKind.Trade).Trade = trade;

        public void OnBbo(in BboEvent bbo) => _owner.Rent(StagedEventKind.Bbo).Bbo = bbo;

        public void OnTicker(in TickerEvent ticker) => _owner.Rent(StagedEventKind.Ticker).Ticker = ticker;
    }
}
