namespace Smallfish.Core.MarketData;

/// <summary>
/// Receives normalized market events in arrival order. Parsers, replay readers and the binary cache push into it;
/// the engine implements it. Buffers passed by reference are only valid during the call.
/// </summary>
public interface IMarketEventSink
{
    /// <summary>An order-book snapshot or delta.</summary>
    void OnBook(BookUpdate update);

    /// <summary>A public trade.</summary>
    void OnTrade(in TradeEvent trade);

    /// <summary>A best-bid/offer quote.</summary>
    void OnBbo(in BboEvent bbo);

    /// <summary>Ticker and funding fields.</summary>
    void OnTicker(in TickerEvent ticker);
}
