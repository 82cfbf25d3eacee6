using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Feed;

/// <summary>A market event copied out of a source's reusable buffers, waiting for its release time.</summary>
internal sealed class StagedEvent
{
    public StagedEventKind Kind { get; set; }

    public BookUpdate Book { get; } = new();

    public TradeEvent Trade { get; set; }

    public BboEvent Bbo { get; set; }

    public TickerEvent Ticker { get; set; }

    /// <summary>The source's exchange time, ns (pacing only).</summary>
    public long TsNs => Kind switch
    {
        StagedEventKind.Book => Book.ExchTsNs,
        StagedEventKind.Trade => Trade.ExchTsNs,
        StagedEventKind.Bbo => Bbo.ExchTsNs,
        _ => Ticker.ExchTsNs,
    };

    public void ReleaseTo(IMarketEventSink sink)
    {
        switch (Kind)
        {
            case StagedEventKind.Book: sink.OnBook(Book); break;
            case StagedEventKind.Trade: sink.OnTrade(Trade); break;
            case StagedEventKind.Bbo: sink.OnBbo(Bbo); break;
            default: sink.OnTicker(Ticker); break;
        }
    }
}

/// <summary>Which field of a <see cref="StagedEvent"/> is set.</summary>
internal enum StagedEventKind : byte
{
    Book,
    Trade,
    Bbo,
    Ticker,
}
