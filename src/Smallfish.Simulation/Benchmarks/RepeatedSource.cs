using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// Replays a stream several times in a row, each repetition shifted later by the stream's span plus an hour (every
/// timestamp of every event moves; ids do not), so one long run sees the same market again and again: pools, queues
/// and books reach their working size in the first repetition and the later ones show the steady state. For
/// benchmarks only: the books resync on each repetition's snapshot, as after a reconnect.
/// </summary>
public sealed class RepeatedSource : IOrderedEventSource, IMarketEventSink
{
    private const long Hour = 3_600_000_000_000L;

    private readonly Func<long, IOrderedEventSource> _open;
    private readonly bool _shiftsItself;
    private readonly int _repetitions;
    private readonly long _shift;
    private IOrderedEventSource _current;
    private int _repetition;
    private long _offset;
    private IMarketEventSink? _target;

    /// <summary>Replays what <paramref name="open"/> opens <paramref name="repetitions"/> times; its events span [<paramref name="firstNs"/>, <paramref name="lastNs"/>].</summary>
    public RepeatedSource(Func<IOrderedEventSource> open, int repetitions, long firstNs, long lastNs)
        : this(open is null ? throw new ArgumentNullException(nameof(open)) : _ => open(), repetitions, firstNs, lastNs, shiftsItself: false)
    {
    }

    /// <summary>
    /// Replays <paramref name="repetitions"/> times a stream that <paramref name="openShifted"/> opens already moved by
    /// the time shift it is given (recordings rewound with <see cref="RecordingEventSource.Rewind(long)"/>): events then
    /// go straight through, with no copy per event.
    /// </summary>
    public RepeatedSource(Func<long, IOrderedEventSource> openShifted, int repetitions, long firstNs, long lastNs)
        : this(openShifted, repetitions, firstNs, lastNs, shiftsItself: true)
    {
    }

    private RepeatedSource(Func<long, IOrderedEventSource> open, int repetitions, long firstNs, long lastNs, bool shiftsItself)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        _open = open;
        _repetitions = repetitions;
        _shift = lastNs - firstNs + Hour;
        _shiftsItself = shiftsItself;
        _current = open(0);
    }

    /// <inheritdoc />
    public bool TryPeekTime(out long exchTsNs)
    {
        while (!_current.TryPeekTime(out exchTsNs))
        {
            if (_repetition + 1 >= _repetitions) return false;
            _current.Dispose();
            _repetition++;
            _offset += _shift;
            _current = _open(_offset);
        }
        if (!_shiftsItself) exchTsNs += _offset;
        return true;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
        if (_shiftsItself)
        {
            _current.DeliverNext(sink);
            return;
        }
        _target = sink;
        _current.DeliverNext(this);
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        update.ExchTsNs += _offset;
        update.LocalTsNs += _offset;
        if (update.EngineTsNs != 0) update.EngineTsNs += _offset;
        _target!.OnBook(update);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        var t = trade with { ExchTsNs = trade.ExchTsNs + _offset, LocalTsNs = trade.LocalTsNs + _offset };
        _target!.OnTrade(t);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        var b = bbo with { ExchTsNs = bbo.ExchTsNs + _offset, LocalTsNs = bbo.LocalTsNs + _offset };
        _target!.OnBbo(b);
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        var k = ticker with
        {
            ExchTsNs = ticker.ExchTsNs + _offset,
            LocalTsNs = ticker.LocalTsNs + _offset,
            NextFundingTimeNs = ticker.NextFundingTimeNs == 0 ? 0 : ticker.NextFundingTimeNs + _offset,
        };
        _target!.OnTicker(k);
    }

    /// <inheritdoc />
    public void Dispose() => _current.Dispose();
}
