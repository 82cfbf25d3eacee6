using System.Text;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Wire;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Core.Tests.Wire;

/// <summary>Real messages cut and corrupted at random (seeded): the parsers must answer with a status, never throw.</summary>
public class ParserRobustnessTests
{
    private static readonly string[] BinanceMessages =
    [
        """{"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1721347200508,"T":1721347200456,"s":"BTCUSDT","U":4984033952965,"u":4984033952967,"pu":4984033632869,"b":[["63959.90","20.327"]],"a":[["63960.00","5.262"]]}}""",
        """{"stream":"btcusdt@trade","data":{"e":"trade","E":1721347022956,"T":1721347022956,"s":"BTCUSDT","t":5182005737,"p":"63943.90","q":"0.003","X":"MARKET","m":true}}""",
        """{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":4984029592044,"s":"BTCUSDT","b":"63945.10","B":"4.946","a":"63945.20","A":"0.098","T":1721347061442,"E":1721347061443}}""",
        """{"lastUpdateId":4984028384061,"E":1721347022759,"T":1721347022750,"bids":[["63943.90","46.372"],["63943.80","0.007"]],"asks":[["63944.00","0.095"]]}""",
        """{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.10","ap":"11794.15","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}""",
    ];

    private static readonly string[] BybitMessages =
    [
        """{"topic":"orderbook.200.BTCUSDT","type":"delta","ts":1786310846428,"data":{"s":"BTCUSDT","b":[],"a":[["65135.00","0.577"]],"u":15077219,"seq":753844622662},"cts":1786310846427}""",
        """{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1786310821073,"data":[{"T":1786310821072,"s":"BTCUSDT","S":"Buy","v":"0.009","p":"65114.30","L":"PlusTick","i":"c357a7ba-f1ba-5dfc-9e6e-3f4afe1b72dd","BT":false,"RPI":false,"seq":753843990926}]}""",
        """{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","indexPrice":"65138.38","bid1Price":"65114.20","ask1Price":"65114.30"},"cs":753843970781,"ts":1786310820283}""",
        """{"success":true,"ret_msg":"","conn_id":"d8bu1olkndm7crnfs1e0-j6akw","req_id":"","op":"subscribe"}""",
    ];

    private const string Noise = "{}[],:\"0123456789.-eEtrufalsn \\";

    private static IEnumerable<byte[]> Mutations(string message, int count, int seed)
    {
        var rnd = new Random(seed);
        byte[] original = Encoding.UTF8.GetBytes(message);
        for (int n = 0; n < count; n++)
        {
            var bytes = (byte[])original.Clone();
            switch (n % 3)
            {
                case 0:
                    yield return bytes[..rnd.Next(bytes.Length)];
                    break;
                case 1:
                    for (int k = rnd.Next(1, 4); k > 0; k--) bytes[rnd.Next(bytes.Length)] = (byte)Noise[rnd.Next(Noise.Length)];
                    yield return bytes;
                    break;
                default:
                    int at = rnd.Next(bytes.Length), len = rnd.Next(1, Math.Min(20, bytes.Length - at) + 1);
                    yield return [.. bytes[..at], .. bytes[(at + len)..]];
                    break;
            }
        }
    }

    [Test]
    public void Parse_ThousandsOfCorruptedRealMessages_NeverThrows()
    {
        var catalog = new InstrumentCatalog([new InstrumentSpec("BTCUSDT", 0.10m, 0.001m, 0.001m, 5m)]);
        var symbols = new SymbolTable();
        int id = symbols.GetOrAdd("BTCUSDT");
        var binance = new BinanceMarketDataParser(symbols, catalog);
        var bybit = new BybitMarketDataParser(symbols, catalog, emitTickerBbo: true);
        var sink = new RecordingSink();
        int parsed = 0;
        for (int m = 0; m < BinanceMessages.Length; m++)
        {
            foreach (var bytes in Mutations(BinanceMessages[m], 3_000, seed: m))
            {
                Assert.That(() => binance.Parse(bytes, 0, sink, m == 3 ? id : -1), Throws.Nothing, Encoding.UTF8.GetString(bytes));
                parsed++;
            }
        }
        for (int m = 0; m < BybitMessages.Length; m++)
        {
            foreach (var bytes in Mutations(BybitMessages[m], 3_000, seed: 100 + m))
            {
                Assert.That(() => bybit.Parse(bytes, 0, sink), Throws.Nothing, Encoding.UTF8.GetString(bytes));
                parsed++;
            }
        }
        Assert.That(binance.Counters.Messages + bybit.Counters.Messages, Is.EqualTo(parsed));
        Assert.That(binance.Counters.Malformed, Is.GreaterThan(binance.Counters.Messages / 2), "most corruptions are caught as malformed");
        // Every book message that did get through still satisfies the grid (prices and sizes are whole ticks and lots).
        Assert.That(sink.Books.All(b => b.Bids.Quantities.ToArray().All(q => q >= 0) && b.Asks.Quantities.ToArray().All(q => q >= 0)), Is.True);
    }
}
