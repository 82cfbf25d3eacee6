using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Parsing;

/// <summary>
/// Bounded, seeded fuzzing: random bytes and mutated fixtures through every private-message and REST parser.
/// Nothing may throw; every input yields a result (data, control, unknown, malformed, or a failed ExchangeResult).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int MutationsPerFixture = 300;
    private static readonly InstrumentSpec Spec = new("BTCUSDT", 0.000001m, 0.000001m, 0.000001m, 1m);

    [Test]
    public void PrivateParsers_MutatedFixturesAndNoise_NeverThrow()
    {
        var rng = new Random(20260101);
        var bybit = Directory.GetFiles(SharedFolder.Fixture("bybit"), "ws_*.json").Select(f => Encoding.UTF8.GetBytes(SharedFolder.Message("bybit/" + Path.GetFileName(f)))).ToList();
        var binance = Directory.GetFiles(SharedFolder.Fixture("binance"), "ws_*.json").Select(f => Encoding.UTF8.GetBytes(SharedFolder.Message("binance/" + Path.GetFileName(f)))).ToList();
        int inputs = 0;
        foreach (var seed in bybit.Concat(binance))
        {
            for (int i = 0; i < MutationsPerFixture; i++)
            {
                byte[] input = i % 10 == 0 ? Noise(rng) : Mutate(seed, rng);
                Assert.DoesNotThrow(() => BybitPrivateMessageParser.Parse(input, new RecordingPrivateSink()));
                Assert.DoesNotThrow(() => BinancePrivateMessageParser.Parse(input, new RecordingPrivateSink()));
                Assert.DoesNotThrow(() => BybitControlFrame.TryRead(input, out _, out _));
                Assert.DoesNotThrow(() => BinanceControlFrame.IsAcknowledgement(input, out _));
                Assert.DoesNotThrow(() => new BinanceDuplicateFilter().IsDuplicate(input, 1));
                inputs++;
            }
        }
        Assert.That(inputs, Is.EqualTo((bybit.Count + binance.Count) * MutationsPerFixture));
    }

    [Test]
    public void RestInterpreters_MutatedFixturesAndNoise_ReturnResultsNeverThrow()
    {
        var rng = new Random(424242);
        var bybitProtocol = new BybitProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), NullLogger.Instance);
        var binanceProtocol = new BinanceProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 2400, 0.9, NullLogger.Instance);
        var bybitParsers = new Func<System.Text.Json.JsonElement, object>[]
        {
            r => BybitMarketParser.ParseInstruments(r), r => BybitMarketParser.ParseTickers(r), r => BybitMarketParser.ParseKlines(r),
            r => BybitMarketParser.ParseBook(r, Spec, 0, 0), r => BybitMarketParser.ParseRecentTrades(r), r => BybitMarketParser.ParseFundingHistory(r),
            r => BybitMarketParser.ParseServerTimeMs(r), r => BybitOrderParser.ParseOrder(r), r => BybitAccountParser.ParseWallet(r, 0),
            r => BybitAccountParser.ParsePosition(r), r => BybitOrderParser.ParseFill(r, false),
            r => BybitOrderParser.ParseAck(r, "BTCUSDT", Core.Domain.Side.Buy, Core.Domain.OrderType.Limit, Core.Domain.TimeInForce.PostOnly, Core.Domain.OrderStatus.New, 0),
        };
        var binanceParsers = new Func<System.Text.Json.JsonElement, object>[]
        {
            r => BinanceMarketParser.ParseExchangeInfo(r), r => BinanceMarketParser.ParseKlines(r), r => BinanceMarketParser.ParseDepth(r, Spec, 0, 0),
            r => BinanceMarketParser.ParseAggTrades(r, "BTCUSDT"), r => BinanceMarketParser.ParseFundingRates(r), r => BinanceMarketParser.MergeTickers(r, r),
            r => BinanceMarketParser.ParseServerTimeMs(r), r => BinanceOrderParser.ParseOrder(r), r => BinanceOrderParser.ParseAlgoOrder(r),
            r => BinanceOrderParser.ParseBatch(r), r => BinanceAccountParser.ParseBalance(r, "USDT"), r => BinanceAccountParser.ParsePositionRisk(r),
        };
        var headers = new Dictionary<string, string>();
        int results = 0;
        foreach (var (venue, files) in new[] { ("bybit", Directory.GetFiles(SharedFolder.Fixture("bybit"), "rest_*.json")), ("binance", Directory.GetFiles(SharedFolder.Fixture("binance"), "rest_*.json")) })
        {
            foreach (string file in files)
            {
                var seed = Encoding.UTF8.GetBytes(SharedFolder.Message(venue + "/" + Path.GetFileName(file)));
                for (int i = 0; i < MutationsPerFixture / 3; i++)
                {
                    string body = Encoding.UTF8.GetString(i % 10 == 0 ? Noise(rng) : i == 1 ? seed : Mutate(seed, rng));
                    int status = i % 7 == 0 ? 400 + rng.Next(0, 200) : 200;
                    var response = new RestResponse(status, body, headers, 0, 0);
                    foreach (var parse in venue == "bybit" ? bybitParsers : binanceParsers)
                    {
                        var r = venue == "bybit" ? bybitProtocol.Interpret(response, parse) : binanceProtocol.Interpret(response, parse);
                        Assert.That(r.Success || r.Error is not null, Is.True);
                        results++;
                    }
                }
            }
        }
        Assert.That(results, Is.GreaterThan(10_000));
    }

    [Test]
    public void PrivateParsers_ValidFixtures_StillParseAfterFuzzing()
    {
        // Guard against a parser that "never throws" because it rejects everything.
        Assert.That(BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(SharedFolder.Message("bybit/ws_execution_linear.json")), new RecordingPrivateSink()), Is.EqualTo(PrivateFrameKind.Data));
        Assert.That(BinancePrivateMessageParser.Parse(Encoding.UTF8.GetBytes(SharedFolder.Message("binance/ws_account_update.json")), new RecordingPrivateSink()), Is.EqualTo(PrivateFrameKind.Data));
    }

    private static byte[] Noise(Random rng)
    {
        var b = new byte[rng.Next(0, 256)];
        rng.NextBytes(b);
        return b;
    }

    /// <summary>One to three edits: flip a byte, delete a range, insert junk, truncate, duplicate a slice, or swap a token character.</summary>
    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var b = new List<byte>(seed);
        int edits = rng.Next(1, 4);
        ReadOnlySpan<byte> tokens = "{}[]\":,-.0123456789aeflnrstu "u8;
        for (int e = 0; e < edits && b.Count > 0; e++)
        {
            int at = rng.Next(b.Count);
            switch (rng.Next(6))
            {
                case 0: b[at] = (byte)rng.Next(256); break;
                case 1: b.RemoveRange(at, Math.Min(rng.Next(1, 16), b.Count - at)); break;
                case 2: for (int k = rng.Next(1, 8); k > 0; k--) b.Insert(at, (byte)rng.Next(256)); break;
                case 3: b.RemoveRange(at, b.Count - at); break;
                case 4: b.InsertRange(at, b.GetRange(at, Math.Min(rng.Next(1, 32), b.Count - at))); break;
                default: b[at] = tokens[rng.Next(tokens.Length)]; break;
            }
        }
        return b.ToArray();
    }
}
