using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Streams;
using Smallfish.Fuzz.Tests.Harness;

namespace Smallfish.Fuzz.Tests.Exchanges;

/// <summary>
/// The gateways' own parsers: private WebSocket messages (orders, executions, positions, wallet, control frames) and
/// every REST response interpreter (orders, positions, instruments, books, errors). Contract: private parsers answer a
/// <see cref="PrivateFrameKind"/> and never throw; REST interpreters answer an ExchangeResult (a failed one for a bad
/// body) and never throw; nothing they hand out carries a negative size or price.
/// </summary>
public sealed class GatewayParserFuzzTests
{
    private static readonly InstrumentSpec Spec = new("BTCUSDT", 0.000001m, 0.000001m, 0.000001m, 1m);

    [Test]
    public void PrivateParsers_HostileFrames_NeverThrowAndHandOutOnlyInRangeModels()
    {
        var corpus = SharedFolder.Messages("bybit", "ws_").Concat(SharedFolder.Messages("binance", "ws_")).ToList();
        var sink = new CheckingPrivateSink();
        var kinds = new Dictionary<PrivateFrameKind, int>();

        FuzzRunner.Run(new FuzzTarget
        {
            Name = "exchanges-private",
            Corpus = corpus,
            CiIterations = 4_000,
            Parse = input =>
            {
                var a = BybitPrivateMessageParser.Parse(input, sink);
                var b = BinancePrivateMessageParser.Parse(input, sink);
                kinds[a] = kinds.GetValueOrDefault(a) + 1;
                kinds[b] = kinds.GetValueOrDefault(b) + 1;
                BybitControlFrame.TryRead(input, out _, out _);
                BinanceControlFrame.IsAcknowledgement(input, out _);
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That(kinds.GetValueOrDefault(PrivateFrameKind.Data), Is.GreaterThan(corpus.Count / 2), "real and lightly mutated frames still parse");
            Assert.That(kinds.GetValueOrDefault(PrivateFrameKind.Malformed), Is.GreaterThan(100), "the mutations reached the error paths");
            Assert.That(sink.Events, Is.GreaterThan(0));
        });
    }

    [Test]
    public void RestInterpreters_HostileBodies_ReturnResultsAndOnlyInRangeModels()
    {
        var bybitProtocol = new BybitProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), NullLogger.Instance);
        var binanceProtocol = new BinanceProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 2400, 0.9, NullLogger.Instance);
        var bybitParsers = new Func<JsonElement, object>[]
        {
            r => BybitMarketParser.ParseInstruments(r), r => BybitMarketParser.ParseTickers(r), r => BybitMarketParser.ParseKlines(r),
            r => BybitMarketParser.ParseBook(r, Spec, 0, 0), r => BybitMarketParser.ParseRecentTrades(r), r => BybitMarketParser.ParseFundingHistory(r),
            r => BybitMarketParser.ParseServerTimeMs(r), r => BybitOrderParser.ParseOrder(r), r => BybitAccountParser.ParseWallet(r, 0),
            r => BybitAccountParser.ParsePosition(r), r => BybitOrderParser.ParseFill(r, false),
            r => BybitOrderParser.ParseAck(r, "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, OrderStatus.New, 0),
        };
        var binanceParsers = new Func<JsonElement, object>[]
        {
            r => BinanceMarketParser.ParseExchangeInfo(r), r => BinanceMarketParser.ParseKlines(r), r => BinanceMarketParser.ParseDepth(r, Spec, 0, 0),
            r => BinanceMarketParser.ParseAggTrades(r, "BTCUSDT"), r => BinanceMarketParser.ParseFundingRates(r), r => BinanceMarketParser.MergeTickers(r, r),
            r => BinanceMarketParser.ParseServerTimeMs(r), r => BinanceOrderParser.ParseOrder(r), r => BinanceOrderParser.ParseAlgoOrder(r),
            r => BinanceOrderParser.ParseBatch(r), r => BinanceAccountParser.ParseBalance(r, "USDT"), r => BinanceAccountParser.ParsePositionRisk(r),
            r => BinanceOrderParser.ParseUserTrade(r),
        };
        var corpus = SharedFolder.Messages("bybit", "rest_").Concat(SharedFolder.Messages("binance", "rest_")).ToList();
        // Error bodies one by one (the fixture holds a map of examples), so both error maps see real error shapes.
        foreach (string venue in new[] { "bybit", "binance" })
        {
            using var doc = JsonDocument.Parse(SharedFolder.Message(venue + "/rest_error_examples.json"));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) continue;
            foreach (var p in doc.RootElement.EnumerateObject()) corpus.Add(Encoding.UTF8.GetBytes(p.Value.GetRawText()));
        }
        var headers = new Dictionary<string, string>();
        int ok = 0, failed = 0, n = 0;

        FuzzRunner.Run(new FuzzTarget
        {
            Name = "exchanges-rest",
            Corpus = corpus,
            CiIterations = 1_500,
            Parse = input =>
            {
                string body = Encoding.UTF8.GetString(input);
                int status = n++ % 7 == 0 ? 400 + n % 200 : 200;
                var response = new RestResponse(status, body, headers, 0, 0);
                foreach (var parse in bybitParsers) Count(bybitProtocol.Interpret(response, parse));
                foreach (var parse in binanceParsers) Count(binanceProtocol.Interpret(response, parse));
            },
        });

        Assert.That(ok, Is.GreaterThan(corpus.Count), "real bodies parse with their own parser");
        Assert.That(failed, Is.GreaterThan(ok), "most mutated bodies end in a failed result");

        void Count(Smallfish.Exchanges.Results.IExchangeResult r)
        {
            if (r.Success) ok++;
            else if (r.Error is null) throw new FuzzPropertyException("a failed result without an error");
            else failed++;
            ExchangeModelChecks.Check(r);
        }
    }
}
