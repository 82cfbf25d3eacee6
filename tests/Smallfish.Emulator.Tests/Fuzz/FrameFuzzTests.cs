using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Simulation.Replay;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;

namespace Smallfish.Emulator.Tests.Fuzz;

/// <summary>
/// Bounded, seeded fuzzing of every parser a client runs on received frames (the official wire market-data parsers,
/// the gateway's private-stream parsers and control-frame readers) with real frames (protocol fixtures, lines of the
/// real recordings, frames the emulator writes), mutations of them and noise: nothing may throw, and memory must not
/// grow with the number of frames.
/// </summary>
public sealed class FrameFuzzTests
{
    private const int MutationsPerSeed = 12;
    private const int LinesPerRecording = 250;

    [Test]
    public void Parsers_RealAndMutatedFrames_NeverThrowAndStayBounded()
    {
        var corpus = Corpus();
        Assert.That(corpus, Has.Count.GreaterThan(700), "fixtures, recordings and emulator frames");
        var specs = RecordedInstruments.BinanceUsdm().Concat(RecordedInstruments.CryptofeedBinanceAlts()).ToArray();
        var symbols = new SymbolTable();
        foreach (var s in specs) symbols.GetOrAdd(s.Symbol);
        var catalog = new InstrumentCatalog(specs);
        var bybit = new BybitMarketDataParser(symbols, catalog, emitTickerBbo: true);
        var binance = new BinanceMarketDataParser(symbols, catalog);
        var sink = new CountingSink();
        var rng = new Random(20_261_121);
        int inputs = 0;

        void Feed(byte[] input)
        {
            try
            {
                bybit.Parse(input, 1, sink);
                binance.Parse(input, 1, sink);
                binance.Parse(input, 1, sink, snapshotSymbolId: 0);
                BybitPrivateMessageParser.Parse(input, new RecordingPrivateSink());
                BinancePrivateMessageParser.Parse(input, new RecordingPrivateSink());
                BybitControlFrame.TryRead(input, out _, out _);
                BinanceControlFrame.IsAcknowledgement(input, out _);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{ex.GetType().Name}: {ex.Message} on input: {Encoding.UTF8.GetString(input)}");
            }
            inputs++;
        }

        foreach (var seed in corpus) Feed(seed); // warm: first sight of every symbol and shape
        long before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var seed in corpus)
        {
            for (int i = 0; i < MutationsPerSeed; i++) Feed(i % 8 == 0 ? Noise(rng) : Mutate(seed, rng));
        }
        long after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Multiple(() =>
        {
            Assert.That(inputs, Is.EqualTo(corpus.Count * (1 + MutationsPerSeed)));
            Assert.That(after - before, Is.LessThan(4L << 20), "retained memory does not grow with the frames parsed");
            Assert.That(symbols.Count, Is.EqualTo(specs.Length), "unknown symbols are never added");
            Assert.That(bybit.Counters.Malformed + binance.Counters.Malformed, Is.GreaterThan(0), "the mutations did reach the malformed paths");
            Assert.That(sink.Events, Is.GreaterThan(0), "and the valid frames the data paths");
        });
    }

    private static List<byte[]> Corpus()
    {
        var corpus = new List<byte[]>();
        foreach (string venue in new[] { "bybit", "binance" })
        {
            foreach (string file in Directory.GetFiles(SharedFolder.Fixture(venue), "*.json"))
            {
                string message = SharedFolder.Message(venue + "/" + Path.GetFileName(file));
                corpus.Add(Encoding.UTF8.GetBytes(message));
            }
        }
        foreach (string line in Lines("hftbacktest-binance-usdm/btcusdt_20240718.gz")) corpus.Add(Encoding.UTF8.GetBytes(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        foreach (string line in Lines("cryptofeed-binance-usdm/BINANCE_FUTURES.ws.1.0.gz"))
        {
            int at = line.IndexOf(": ", StringComparison.Ordinal);
            if (at > 0) corpus.Add(Encoding.UTF8.GetBytes(line[(at + 2)..]));
        }
        foreach (string line in Lines("cryptofeed-bybit-v5/BYBIT.jsonl.gz", LinesPerRecording * 4))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String && data.GetString()!.Length < 16_384)
                corpus.Add(Encoding.UTF8.GetBytes(data.GetString()!)); // stream frames, not the large REST bodies of the recording
        }
        corpus.AddRange(EmulatorFrames());
        return corpus;
    }

    private static IEnumerable<byte[]> EmulatorFrames()
    {
        var spec = new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 100m);
        var book = Venues.Snapshot(0, 600_000, 10);
        yield return Frames.Write(w => BybitFrameWriter.WriteOrderBook(w, spec, 50, book, 1, 1));
        yield return Frames.Write(w => BinanceFrameWriter.WriteDepthUpdate(w, spec, book, 1, 1, "btcusdt@depth@100ms"));
        yield return Frames.Write(w => BinanceFrameWriter.WriteDepthSnapshot(w, spec, book, 1, 1));
        yield return Frames.Write(w => BinanceFrameWriter.WriteAggTrade(w, spec, new TradeEvent(0, 1, 0, 600_000, 3, Core.Domain.Side.Sell), 1, 1, 1, 1, null));
    }

    private static IEnumerable<string> Lines(string file, int max = LinesPerRecording)
    {
        using var stream = new GZipStream(File.OpenRead(SharedFolder.Data(file)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        for (int i = 0; i < max && reader.ReadLine() is { } line; i++) yield return line;
    }

    private static byte[] Noise(Random rng)
    {
        var bytes = new byte[rng.Next(0, 300)];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var bytes = new List<byte>(seed);
        int edits = 1 + rng.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = rng.Next(bytes.Count);
            switch (rng.Next(7))
            {
                case 0: bytes[at] = (byte)rng.Next(256); break;                              // flip a byte
                case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + rng.Next(16))); break; // delete a run
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Junk[rng.Next(Junk.Length)])); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;                        // truncate
                case 4: if (char.IsDigit((char)bytes[at])) bytes[at] = (byte)('0' + rng.Next(10)); break;
                case 5: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + rng.Next(64)))); break; // duplicate a run
                default: bytes[at] = (byte)"{}[]\",:"[rng.Next(7)]; break;                  // structural character
            }
        }
        return bytes.ToArray();
    }

    private static readonly string[] Junk =
    {
        "-", "1e308", "\"\"", "null", "[[", "]]", "{\"a\":", "99999999999999999999999", "-0.000", "\\u0000", "NaN", "true", "\"9.99999999999999999999\"", ",", "0.1.2",
    };

    private sealed class CountingSink : IMarketEventSink
    {
        public long Events { get; private set; }

        public void OnBook(BookUpdate update) => Events++;

        public void OnTrade(in TradeEvent trade) => Events++;

        public void OnBbo(in BboEvent bbo) => Events++;

        public void OnTicker(in TickerEvent ticker) => Events++;
    }
}
