using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// Turns a push reader (<see cref="IEventReader"/>) into an <see cref="IOrderedEventSource"/>: it reads ahead until the
/// earliest buffered event is at least <see cref="ReorderWindowNs"/> behind the latest seen (or the reader is done),
/// which restores exchange-time order across the streams of one recording (see <see cref="ReorderBuffer"/>).
/// </summary>
public sealed class ReaderEventSource : IOrderedEventSource
{
    /// <summary>
    /// Default reorder window: 1 s. In the real hftbacktest recordings about 6% of events arrive behind an event of a
    /// later exchange time (depth, trade and bookTicker streams interleave in receive order); a 50 ms window already
    /// restores every one of them, so 1 s leaves a wide margin at the cost of about 1,600 events held in memory.
    /// </summary>
    public const long DefaultReorderWindowNs = 1_000_000_000L;

    private readonly IEventReader _reader;
    private readonly ReorderBuffer _buffer;
    private MarketEventSlot? _current;
    private bool _exhausted;

    /// <summary>Wraps <paramref name="reader"/> (disposed with this source).</summary>
    public ReaderEventSource(IEventReader reader, long reorderWindowNs = DefaultReorderWindowNs)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _buffer = new ReorderBuffer(reorderWindowNs);
    }

    /// <summary>The reader.</summary>
    public IEventReader Reader => _reader;

    /// <summary>How far ahead the source reads to restore order, ns.</summary>
    public long ReorderWindowNs => _buffer.WindowNs;

    /// <summary>Events delivered.</summary>
    public long Events { get; private set; }

    /// <summary>Most events held back at once to restore order.</summary>
    public int PeakBuffered => _buffer.PeakCount;

    /// <summary>Events that arrived later than the window allowed and were delivered slightly out of order.</summary>
    public long LateEvents => _buffer.LateEvents;

    /// <inheritdoc />
    public bool TryPeekTime(out long exchTsNs)
    {
        if (_current is null)
        {
            while (!_exhausted && !_buffer.HeadIsReleasable)
            {
                if (!_reader.ReadNext(_buffer)) _exhausted = true;
            }
            if (_buffer.Count == 0)
            {
                exchTsNs = 0;
                return false;
            }
            _current = _buffer.Pop();
        }
        exchTsNs = _current.ExchTsNs;
        return true;
    }

    /// <inheritdoc />
    public void DeliverNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_current is null && !TryPeekTime(out _)) throw new InvalidOperationException("the source is exhausted");
        var slot = _current!;
        _current = null;
        Events++;
        slot.DeliverTo(sink);
        _buffer.Return(slot);
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
