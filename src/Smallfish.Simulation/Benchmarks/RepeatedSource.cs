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

    private readonly Func<IOrderedEventSource> _open;
    private readonly int _repetitions;
    private readonly long _shift;
    private IOrderedEventSource _current;
    private int _repetition;
    private long _offset;
    private IMarketEventSink? _target;

    /// <summary>Replays what <paramref name="open"/> opens <paramref name="repetitions"/> times; its events span [<paramref name="firstNs"/>, <paramref name="lastNs"/>].</summary>
    public RepeatedSource(Func<IOrderedEventSource> open, int repetitions, long firstNs, long lastNs)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        _open = open;
        _repetitions = repetitions;
        _shift = lastNs - firstNs + Hour;
        _current = open();
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
            _current = _open();
        }
        exchTsNs += _offset;
        return true;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
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
