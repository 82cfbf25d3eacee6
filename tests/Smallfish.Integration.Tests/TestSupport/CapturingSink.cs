using System.Globalization;
using System.Text;
using Smallfish.Core.MarketData;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>
/// Captures every event as canonical text holding every field exactly (doubles by their bit patterns), so two event
/// sequences can be compared with a readable diff.
/// </summary>
internal sealed class CapturingSink : IMarketEventSink
{
    public List<string> Events { get; } = new();

    public void OnBook(BookUpdate u) => Events.Add(Text(u));

    public void OnTrade(in TradeEvent t) => Events.Add(Text(t));

    public void OnBbo(in BboEvent b) => Events.Add(Text(b));

    public void OnTicker(in TickerEvent t) => Events.Add(Text(t));

    public static string Text(BookUpdate u)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"B s={u.SymbolId} k={u.Kind} U={u.FirstUpdateId} u={u.LastUpdateId} pu={u.PrevUpdateId} seq={u.Sequence} e={u.ExchTsNs} l={u.LocalTsNs} b=");
        for (int i = 0; i < u.Bids.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"{u.Bids.PriceAt(i)}x{u.Bids.QtyAt(i)},");
        sb.Append(" a=");
        for (int i = 0; i < u.Asks.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"{u.Asks.PriceAt(i)}x{u.Asks.QtyAt(i)},");
        return sb.ToString();
    }

    public static string Text(in TradeEvent t) => string.Create(CultureInfo.InvariantCulture,
        $"T s={t.SymbolId} e={t.ExchTsNs} l={t.LocalTsNs} p={t.PriceTicks} q={t.QtyLots} side={(sbyte)t.Aggressor} id={t.TradeId} f={(byte)t.Flags}");

    public static string Text(in BboEvent b) => string.Create(CultureInfo.InvariantCulture,
        $"Q s={b.SymbolId} e={b.ExchTsNs} l={b.LocalTsNs} id={b.UpdateId} {b.BidTicks}x{b.BidLots} {b.AskTicks}x{b.AskLots}");

    public static string Text(in TickerEvent t) => string.Create(CultureInfo.InvariantCulture,
        $"K s={t.SymbolId} e={t.ExchTsNs} l={t.LocalTsNs} last={Bits(t.LastPrice)} mark={Bits(t.MarkPrice)} index={Bits(t.IndexPrice)} fr={Bits(t.FundingRate)} nft={t.NextFundingTimeNs} to={Bits(t.Turnover24h)} chg={Bits(t.PriceChangePct24h)}");

    private static string Bits(double d) => BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture);
}
