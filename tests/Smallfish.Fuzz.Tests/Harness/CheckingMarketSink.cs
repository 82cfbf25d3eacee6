using Smallfish.Core.MarketData;

namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>
/// Accepts a parser's events only when every value is in range: prices positive whole ticks, sizes non-negative
/// lots (a zero size deletes a book level; a trade must be positive), no negative timestamps, and ticker doubles either
/// finite or NaN (NaN is the documented "unknown"), never infinite, and prices positive. Anything else throws <see cref="FuzzPropertyException"/>.
/// </summary>
internal sealed class CheckingMarketSink : IMarketEventSink
{
    public long Events { get; private set; }

    public void OnBook(BookUpdate update)
    {
        Time(update.ExchTsNs, "book exchange time");
        Time(update.LocalTsNs, "book local time");
        Levels(update.Bids, "bid");
        Levels(update.Asks, "ask");
        Events++;
    }

    public void OnTrade(in TradeEvent trade)
    {
        Time(trade.ExchTsNs, "trade exchange time");
        Time(trade.LocalTsNs, "trade local time");
        if (trade.PriceTicks <= 0) throw new FuzzPropertyException($"trade price {trade.PriceTicks} ticks");
        if (trade.QtyLots <= 0) throw new FuzzPropertyException($"trade size {trade.QtyLots} lots");
        Events++;
    }

    public void OnBbo(in BboEvent bbo)
    {
        Time(bbo.ExchTsNs, "bbo exchange time");
        Time(bbo.LocalTsNs, "bbo local time");
        if (bbo.BidTicks <= 0 || bbo.AskTicks <= 0) throw new FuzzPropertyException($"bbo price {bbo.BidTicks}/{bbo.AskTicks} ticks");
        if (bbo.BidLots < 0 || bbo.AskLots < 0) throw new FuzzPropertyException($"bbo size {bbo.BidLots}/{bbo.AskLots} lots");
        Events++;
    }

    public void OnTicker(in TickerEvent ticker)
    {
        Time(ticker.ExchTsNs, "ticker exchange time");
        Price(ticker.LastPrice, "last price");
        Price(ticker.MarkPrice, "mark price");
        Price(ticker.IndexPrice, "index price");
        Finite(ticker.FundingRate, "funding rate");
        Finite(ticker.Turnover24h, "turnover");
        Finite(ticker.PriceChangePct24h, "24h change");
        Events++;
    }

    private static void Levels(LevelList levels, string side)
    {
        for (int i = 0; i < levels.Count; i++)
        {
            if (levels.PriceAt(i) <= 0) throw new FuzzPropertyException($"{side} level price {levels.PriceAt(i)} ticks");
            if (levels.QtyAt(i) < 0) throw new FuzzPropertyException($"{side} level size {levels.QtyAt(i)} lots");
        }
    }

    private static void Time(long ns, string what)
    {
        if (ns < 0) throw new FuzzPropertyException($"{what} {ns} ns");
    }

    private static void Price(double value, string what)
    {
        if (!double.IsNaN(value) && !(value > 0 && double.IsFinite(value))) throw new FuzzPropertyException($"ticker {what} is {value}");
    }

    private static void Finite(double value, string what)
    {
        if (double.IsInfinity(value)) throw new FuzzPropertyException($"ticker {what} is {value}");
    }
}
