using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// A k-way merge of ordered sources into one stream by exchange time. Ties go to the source listed first, and within
/// a source to its own order, so the merged stream is the same on every run. The sources are disposed with the merger.
/// A source whose next event is earlier than the last one delivered (it could not restore its own order) is still
/// delivered, and counted in <see cref="OutOfOrderEvents"/>.
/// </summary>
public sealed class EventMerger : IOrderedEventSource
{
    private readonly IOrderedEventSource[] _sources;
    private readonly long[] _times;
    private readonly bool[] _live;
    private readonly bool _ownsSources;
    private long _lastNs = long.MinValue;

    /// <summary>Merges <paramref name="sources"/> (their order breaks ties); <paramref name="ownsSources"/> disposes them with the merger.</summary>
    public EventMerger(IReadOnlyList<IOrderedEventSource> sources, bool ownsSources = true)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _ownsSources = ownsSources;
        _sources = [.. sources];
        _times = new long[_sources.Length];
        _live = new bool[_sources.Length];
        for (int i = 0; i < _sources.Length; i++) _live[i] = _sources[i].TryPeekTime(out _times[i]);
    }

    /// <summary>Events delivered.</summary>
    public long Events { get; private set; }

    /// <summary>Events delivered with an earlier exchange time than the event before them.</summary>
    public long OutOfOrderEvents { get; private set; }

    /// <summary>Exchange time of the first event delivered (0 before any).</summary>
    public long FirstTsNs { get; private set; }

    /// <summary>Exchange time of the latest event delivered (0 before any).</summary>
    public long LastTsNs { get; private set; }

    /// <inheritdoc />
    public bool TryPeekTime(out long exchTsNs)
    {
        int i = Next();
        exchTsNs = i < 0 ? 0 : _times[i];
        return i >= 0;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
        int i = Next();
        if (i < 0) throw new InvalidOperationException("every source is exhausted");
        long t = _times[i];
        if (t < _lastNs) OutOfOrderEvents++;
        else _lastNs = t;
        if (Events == 0) FirstTsNs = t;
        if (t > LastTsNs) LastTsNs = t;
        Events++;
        _sources[i].DeliverNext(sink);
        _live[i] = _sources[i].TryPeekTime(out _times[i]);
    }

    /// <summary>Delivers every remaining event to <paramref name="sink"/>; returns how many.</summary>
    public long DrainTo(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        long before = Events;
        while (Next() >= 0) DeliverNext(sink);
        return Events - before;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_ownsSources) return;
        foreach (var s in _sources) s.Dispose();
    }

    private int Next()
    {
        int best = -1;
        for (int i = 0; i < _sources.Length; i++)
        {
            if (_live[i] && (best < 0 || _times[i] < _times[best])) best = i;
        }
        return best;
    }
}
