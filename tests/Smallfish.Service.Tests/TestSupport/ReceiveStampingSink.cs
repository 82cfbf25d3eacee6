using Smallfish.Core.MarketData;
using Smallfish.Core.Time;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// Stamps each replayed event's local receive time with the clock, as the service's market-data path stamps a frame
/// when it arrives (with a zero-latency feed that is the exchange time), then forwards it.
/// </summary>
internal sealed class ReceiveStampingSink(IMarketEventSink inner, TimeProvider clock) : IMarketEventSink
{
    public void OnBook(BookUpdate update)
    {
        update.LocalTsNs = clock.GetUnixTimeNs();
        inner.OnBook(update);
    }

    public void OnTrade(in TradeEvent trade) => inner.OnTrade(trade with { LocalTsNs = clock.GetUnixTimeNs() });

    public void OnBbo(in BboEvent bbo) => inner.OnBbo(bbo with { LocalTsNs = clock.GetUnixTimeNs() });

    public void OnTicker(in TickerEvent ticker) => inner.OnTicker(ticker with { LocalTsNs = clock.GetUnixTimeNs() });
}
