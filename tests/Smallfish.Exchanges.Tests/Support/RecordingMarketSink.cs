using System.Collections.Concurrent;
using Smallfish.Core.MarketData;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Records what reaches the engine's market sink (here: REST snapshots delivered by the stream client).</summary>
internal sealed class RecordingMarketSink : IMarketEventSink
{
    private readonly Signal _signal;

    public RecordingMarketSink(Signal signal) => _signal = signal;

    public ConcurrentQueue<BookUpdate> Books { get; } = new();

    /// <summary>When set, books are also logged there (to check ordering against frames and events).</summary>
    public StreamRecorder? Recorder { get; set; }

    public void OnBook(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        Books.Enqueue(copy);
        Recorder?.Add("book", copy);
        _signal.Pulse();
    }

    public void OnTrade(in TradeEvent trade) => _signal.Pulse();

    public void OnBbo(in BboEvent bbo) => _signal.Pulse();

    public void OnTicker(in TickerEvent ticker) => _signal.Pulse();
}
