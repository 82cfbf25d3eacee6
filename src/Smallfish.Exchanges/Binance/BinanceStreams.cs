using System.Globalization;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Http;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Binance USD-M stream names and routes (binance-usdm.md section 6): symbols lower-case; high-frequency book
/// streams (<c>@depth</c>, <c>@bookTicker</c>) on the <c>/public</c> route, regular ones (<c>@aggTrade</c>,
/// <c>@markPrice</c>) on <c>/market</c>. A stream on the wrong route is acknowledged and then silent.
/// </summary>
internal static class BinanceStreams
{
    public static string Name(MarketSubscription s)
    {
        string symbol = s.Symbol.ToLowerInvariant();
        return s.Channel switch
        {
            MarketChannel.OrderBook => symbol + "@depth@100ms",
            MarketChannel.Trades => symbol + "@aggTrade",
            MarketChannel.BestBidOffer => symbol + "@bookTicker",
            _ => symbol + "@markPrice@1s",
        };
    }

    /// <summary>True for streams served on the <c>/public</c> route.</summary>
    public static bool IsPublicRoute(MarketChannel channel) => channel is MarketChannel.OrderBook or MarketChannel.BestBidOffer;

    public static string Subscribe(IEnumerable<string> streams, long id) => JsonBody.Write(w =>
    {
        w.WriteString("method", "SUBSCRIBE");
        w.WriteStartArray("params");
        foreach (string s in streams) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteNumber("id", id);
    });

    /// <summary>The combined-stream URL below a route base: <c>&lt;base&gt;/stream</c>.</summary>
    public static Uri Combined(Uri routeBase) => new(routeBase.ToString().TrimEnd('/') + "/stream");

    /// <summary>The user-data URL: <c>&lt;private base&gt;/ws/&lt;listenKey&gt;</c>.</summary>
    public static Uri UserData(Uri privateBase, string listenKey) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{privateBase.ToString().TrimEnd('/')}/ws/{Uri.EscapeDataString(listenKey)}"));
}
