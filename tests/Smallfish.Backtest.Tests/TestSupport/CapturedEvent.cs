using System.Globalization;
using System.Text;
using Smallfish.Core.MarketData;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>Captures every event pushed into it as a line of text with every field (book levels included), for exact comparisons.</summary>
internal sealed class CapturingSink : IMarketEventSink
{
    public List<string> Events { get; } = new();

    public void OnBook(BookUpdate u)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"B {u.SymbolId} {u.Kind} {u.FirstUpdateId} {u.LastUpdateId} {u.PrevUpdateId} {u.Sequence} {u.ExchTsNs} {u.LocalTsNs} {u.EngineTsNs} |");
        for (int i = 0; i < u.Bids.Count; i++) sb.Append(CultureInfo.InvariantCulture, $" {u.Bids.PriceAt(i)}:{u.Bids.QtyAt(i)}");
        sb.Append(" |");
        for (int i = 0; i < u.Asks.Count; i++) sb.Append(CultureInfo.InvariantCulture, $" {u.Asks.PriceAt(i)}:{u.Asks.QtyAt(i)}");
        Events.Add(sb.ToString());
    }

    public void OnTrade(in TradeEvent trade) => Events.Add("T " + trade);

    public void OnBbo(in BboEvent bbo) => Events.Add("Q " + bbo);

    public void OnTicker(in TickerEvent ticker) => Events.Add("K " + ticker);
}
