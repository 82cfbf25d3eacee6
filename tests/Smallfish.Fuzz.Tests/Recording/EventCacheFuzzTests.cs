using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Fuzz.Tests.Harness;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Recording;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Fuzz.Tests.Recording;

/// <summary>
/// The binary recording format (the event cache and the service's market recordings share it): a real cache built
/// from real data, then mutated (checksums left unverified so the mutations reach the decoder, and verified for the file
/// path). Contract: every problem is a <see cref="RecordingFormatException"/>; no other exception, no allocation driven
/// by a hostile length field; the manifest parser answers null for anything unreadable. The format is a lossless
/// container (it round-trips any event, extreme values included, which the recording tests require): values are range-
/// checked where they enter the system (the wire parsers), and corruption is caught by the block checksums, which the
/// readers verify by default. So these targets do not range-check the decoded events.
/// </summary>
public sealed class EventCacheFuzzTests
{
    private static byte[] RealCache()
    {
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var symbols = new SymbolTable();
        foreach (var s in catalog) symbols.GetOrAdd(s.Symbol);
        catalog.TryGet("BTCUSDT", out var spec);
        using var ms = new MemoryStream();
        using (var writer = new EventCacheWriter(ms, new RecordingFileHeader("binance", 0, [new RecordedInstrument(0, spec!)]), blockBytes: 4096))
        {
            using var reader = new HftBacktestBinanceReader([SharedFolder.Data("hftbacktest-binance-usdm/btcusdt_20240718.gz")], symbols, catalog, "BTCUSDT");
            for (int i = 0; i < 1_500 && reader.ReadNext(writer); i++)
            {
            }
            writer.Complete();
        }
        return ms.ToArray();
    }

    [Test]
    public void RecordingDecoder_MutatedCache_FormatErrorsOnly()
    {
        var sink = NullEventSink.Instance;
        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "recording-decode",
            Corpus = [RealCache()],
            CiIterations = 1_500,
            Allowed = e => e is RecordingFormatException,
            Parse = input =>
            {
                using var source = RecordingEventSource.FromBytes(input, verifyChecksums: false);
                source.DrainTo(sink);
            },
        });
        Assert.That(report.Accepted, Is.GreaterThan(0));
        Assert.That(report.RejectedTotal, Is.GreaterThan(report.Inputs / 4));
    }

    [Test]
    public void RecordingReader_MutatedFile_FormatErrorsNamingTheFileOnly()
    {
        string path = Path.Combine(Path.GetTempPath(), "smallfish-fuzz-" + Guid.NewGuid().ToString("N") + ".sfrec");
        var sink = NullEventSink.Instance;
        try
        {
            FuzzRunner.Run(new FuzzTarget
            {
                Name = "recording-file",
                Corpus = [RealCache()],
                CiIterations = 300,
                Allowed = e => e is RecordingFormatException r && r.FilePath == path,
                Parse = input =>
                {
                    File.WriteAllBytes(path, input);
                    using var reader = RecordingReader.Open(path);
                    reader.ReplayTo(sink);
                },
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Manifest_HostileJson_ParsesOrAnswersNull()
    {
        var manifest = new EventCacheManifest { Key = "k", Venue = "binance", Symbol = "BTCUSDT", Source = "hftbacktest" }.ToJson();
        FuzzRunner.Run(new FuzzTarget
        {
            Name = "cache-manifest",
            Corpus = [manifest],
            CiIterations = 1_500,
            Parse = input => EventCacheManifest.TryParse(input),
        });
    }
}
