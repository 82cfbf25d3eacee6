using System.Globalization;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Http;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Bybit v5 public topic names (bybit-v5.md section 8) and the subscribe / unsubscribe messages (section 7).</summary>
internal static class BybitTopics
{
    /// <summary>Private topics (all-in-one kind; bybit-v5.md section 9).</summary>
    public static IReadOnlyList<string> Private(bool lowLatencyFills) =>
        lowLatencyFills ? new[] { "order", "execution", "execution.fast", "position", "wallet" } : new[] { "order", "execution", "position", "wallet" };

    public static string Topic(MarketSubscription s) => s.Channel switch
    {
        MarketChannel.OrderBook => "orderbook." + BookDepth(s.Depth).ToString(CultureInfo.InvariantCulture) + "." + s.Symbol,
        MarketChannel.Trades => "publicTrade." + s.Symbol,
        MarketChannel.BestBidOffer => "orderbook.1." + s.Symbol,
        _ => "tickers." + s.Symbol,
    };

    /// <summary>Linear book depths: 1, 50, 200, 1000 (500 was removed in 2025); rounded up.</summary>
    public static int BookDepth(int depth) => depth switch
    {
        <= 1 => 1,
        <= 50 => 50,
        <= 200 => 200,
        _ => 1000,
    };

    public static string Request(string op, IEnumerable<string> args, long requestId) => JsonBody.Write(w =>
    {
        w.WriteString("req_id", requestId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("op", op);
        w.WriteStartArray("args");
        foreach (string a in args) w.WriteStringValue(a);
        w.WriteEndArray();
    });

    /// <summary>The JSON heartbeat (doc: send every 20 s; not a WebSocket ping frame).</summary>
    public static readonly byte[] Ping = "{\"op\":\"ping\"}"u8.ToArray();
}
