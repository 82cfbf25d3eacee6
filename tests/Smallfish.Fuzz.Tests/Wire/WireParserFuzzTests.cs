using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Fuzz.Tests.Harness;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Fuzz.Tests.Wire;

/// <summary>
/// The official market-data parsers of Smallfish.Wire (used by the gateways, the replay readers and the emulator), fed
/// real frames (protocol fixtures, lines of the real recordings), their mutations and noise. Contract: Parse never
/// throws (it answers a status), and every event it pushes is in range.
/// </summary>
public sealed class WireParserFuzzTests
{
    [Test]
    public void BybitMarketDataParser_HostileFrames_NeverThrowsAndPushesOnlyInRangeEvents()
    {
        var specs = CryptofeedBybitReader.ReadInstrumentSpecs(SharedFolder.Data("cryptofeed-bybit-v5/BYBIT.jsonl.gz"));
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        var parser = new BybitMarketDataParser(symbols, new InstrumentCatalog(specs), emitTickerBbo: true);
        var sink = new CheckingMarketSink();
        var corpus = SharedFolder.Messages("bybit", "ws_");
        foreach (string line in SharedFolder.Lines("cryptofeed-bybit-v5/BYBIT.jsonl.gz", 1_200))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String && data.GetString()!.Length < 16_384)
                corpus.Add(Encoding.UTF8.GetBytes(data.GetString()!));
        }

        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "wire-bybit-market",
            Corpus = corpus,
            CiIterations = 6_000,
            Parse = input => parser.Parse(input, 1, sink),
        });

        Assert.Multiple(() =>
        {
            Assert.That(parser.Counters.Ok, Is.GreaterThan(corpus.Count / 2), "the real frames parsed");
            Assert.That(parser.Counters.Malformed, Is.GreaterThan(report.Inputs / 10), "the mutations reached the error paths");
            Assert.That(symbols.Count, Is.EqualTo(specs.Count), "a hostile symbol is never added");
        });
    }

    [Test]
    public void BinanceMarketDataParser_HostileFrames_NeverThrowsAndPushesOnlyInRangeEvents()
    {
        var specs = RecordedInstruments.BinanceUsdm().Concat(RecordedInstruments.CryptofeedBinanceAlts()).ToArray();
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        var parser = new BinanceMarketDataParser(symbols, new InstrumentCatalog(specs));
        var sink = new CheckingMarketSink();
        var corpus = SharedFolder.Messages("binance", "ws_");
        corpus.Add(SharedFolder.Message("binance/rest_depth_snapshot.json"));
        foreach (string line in SharedFolder.Lines("hftbacktest-binance-usdm/btcusdt_20240718.gz", 800))
            corpus.Add(Encoding.UTF8.GetBytes(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        foreach (string line in SharedFolder.Lines("cryptofeed-binance-usdm/BINANCE_FUTURES.ws.1.0.gz", 400))
        {
            int at = line.IndexOf(": ", StringComparison.Ordinal);
            if (at > 0) corpus.Add(Encoding.UTF8.GetBytes(line[(at + 2)..]));
        }
        int btc = symbols.GetOrAdd("BTCUSDT");
        int n = 0;

        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "wire-binance-market",
            Corpus = corpus,
            CiIterations = 6_000,
            // Every third input is read as a REST depth snapshot of BTCUSDT, the others as stream frames.
            Parse = input => parser.Parse(input, 1, sink, n++ % 3 == 0 ? btc : -1),
        });

        Assert.Multiple(() =>
        {
            Assert.That(parser.Counters.Ok, Is.GreaterThan(corpus.Count / 3), "the real frames parsed");
            Assert.That(parser.Counters.Malformed, Is.GreaterThan(report.Inputs / 10), "the mutations reached the error paths");
            Assert.That(symbols.Count, Is.EqualTo(specs.Length), "a hostile symbol is never added");
        });
    }

    [Test]
    public void BinanceMarketDataParser_CompactScannerAndReader_AgreeOnHostileFrames()
    {
        var specs = RecordedInstruments.BinanceUsdm().ToArray();
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        var catalog = new InstrumentCatalog(specs);
        var fast = new BinanceMarketDataParser(symbols, catalog);
        var reader = new BinanceMarketDataParser(symbols, catalog) { CompactFastPath = false };
        var fastSink = new TextSink();
        var readerSink = new TextSink();
        var corpus = new List<byte[]>();
        foreach (string line in SharedFolder.Lines("hftbacktest-binance-usdm/ethusdt_20240718.gz", 600))
            corpus.Add(Encoding.UTF8.GetBytes(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        int eth = symbols.GetOrAdd("ETHUSDT");
        int n = 0;

        FuzzRunner.Run(new FuzzTarget
        {
            Name = "wire-binance-compact",
            Corpus = corpus,
            CiIterations = 8_000,
            Parse = input =>
            {
                int snapshotSymbol = n++ % 2 == 0 ? eth : -1;
                fastSink.Text.Clear();
                readerSink.Text.Clear();
                var a = fast.Parse(input, 7, fastSink, snapshotSymbol);
                var b = reader.Parse(input, 7, readerSink, snapshotSymbol);
                string fa = a + " " + fastSink.Text, fb = b + " " + readerSink.Text;
                if (fa != fb) throw new FuzzPropertyException($"scanner: {fa}; reader: {fb}");
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That(fast.Counters.Ok, Is.EqualTo(reader.Counters.Ok));
            Assert.That(fast.Counters.Ok, Is.GreaterThan(corpus.Count), "the real lines and many mutations parsed");
            Assert.That(fast.Counters.Malformed, Is.EqualTo(reader.Counters.Malformed).And.GreaterThan(100), "the mutations reached the error paths");
        });
    }

    [Test]
    public void InstrumentParsers_HostileResponses_AnswerFalseOrOnlyValidSpecs()
    {
        var bybit = SharedFolder.Message("bybit/rest_instruments_info_linear.json");
        var binance = SharedFolder.Message("binance/rest_exchange_info.json");
        int parsed = 0;

        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "wire-instruments",
            Corpus = [bybit, binance],
            CiIterations = 3_000,
            Parse = input =>
            {
                var specs = new List<InstrumentSpec>();
                bool ok = BybitInstrumentsInfoParser.TryParse(input, specs, out string? e1) | BinanceExchangeInfoParser.TryParse(input, specs, out string? e2);
                if (ok) parsed++;
                foreach (var s in specs)
                {
                    if (s.TickSize <= 0 || s.QtyStep <= 0 || s.MinQty < 0 || s.MinNotional < 0 || string.IsNullOrWhiteSpace(s.Symbol))
                        throw new FuzzPropertyException($"instrument {s.Symbol}: tick {s.TickSize}, step {s.QtyStep}, min {s.MinQty}/{s.MinNotional}");
                }
            },
        });

        Assert.That(parsed, Is.GreaterThanOrEqualTo(2), "the real responses parse");
        Assert.That(report.Inputs, Is.EqualTo(2 + FuzzSettings.Iterations(3_000)));
    }

    // Writes every event it receives as text, so two parsers' outputs compare as strings.
    private sealed class TextSink : IMarketEventSink
    {
        public StringBuilder Text { get; } = new();

        public void OnBook(BookUpdate update)
        {
            Text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"book {update.SymbolId} {update.Kind} {update.FirstUpdateId} {update.LastUpdateId} {update.PrevUpdateId} {update.Sequence} {update.ExchTsNs} {update.EngineTsNs} {update.LocalTsNs} b");
            for (int i = 0; i < update.Bids.Count; i++) Text.Append(System.Globalization.CultureInfo.InvariantCulture, $" {update.Bids.PriceAt(i)}x{update.Bids.QtyAt(i)}");
            Text.Append(" a");
            for (int i = 0; i < update.Asks.Count; i++) Text.Append(System.Globalization.CultureInfo.InvariantCulture, $" {update.Asks.PriceAt(i)}x{update.Asks.QtyAt(i)}");
            Text.Append(';');
        }

        public void OnTrade(in TradeEvent trade) => Text.Append(trade.ToString()).Append(';');

        public void OnBbo(in BboEvent bbo) => Text.Append(bbo.ToString()).Append(';');

        public void OnTicker(in TickerEvent ticker) => Text.Append(ticker.ToString()).Append(';');
    }
}
