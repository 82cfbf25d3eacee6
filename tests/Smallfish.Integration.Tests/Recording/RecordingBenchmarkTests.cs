using Smallfish.Core.MarketData;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.Recording;

/// <summary>The decode benchmark hook on real data: prints throughput, asserts only that decoding allocates nothing.</summary>
public class RecordingBenchmarkTests
{
    [Test]
    public void MeasureDecode_RealBybitSample_NoAllocationPerEvent()
    {
        var (events, instruments) = BybitSampleParser.Load();
        byte[] recording;
        using (var memory = new InMemoryRecording(new RecordingFileHeader("bybit", 0, instruments)))
        {
            events.ReplayInto(memory);
            recording = memory.ToArray();
        }
        var result = RecordingBenchmark.MeasureDecode(recording, minEvents: 500_000);
        TestContext.Out.WriteLine("Bybit sample (cryptofeed-bybit-v5, linear): " + result);
        Assert.That(result.EventsPerPass, Is.EqualTo(events.Count));
        Assert.That(result.AllocatedBytesPerEvent, Is.Zero);
        Assert.That(result.Checksum, Is.Not.Zero);
    }

    [Test]
    public async Task InMemoryRecording_SameEvents_SameBytesAsTheRecorderFile()
    {
        var events = HandMadeEvents.Create(repeat: 10);
        using var dir = new TempDirectory();
        var options = new MarketRecorderOptions
        {
            Directory = dir.Path,
            FilePrefix = "file",
            Venue = "test",
            Instruments = HandMadeEvents.Instruments(),
            BlockBytes = 2048,
            TimeProvider = new Smallfish.Core.Time.SimulatedClock(HandMadeEvents.T0),
        };
        await using (var recorder = new MarketRecorder(options)) events.ReplayInto(recorder);

        using var memory = new InMemoryRecording(new RecordingFileHeader("test", HandMadeEvents.T0, HandMadeEvents.Instruments()), blockBytes: 2048);
        events.ReplayInto(memory);
        Assert.That(memory.ToArray(), Is.EqualTo(File.ReadAllBytes(RecordingFiles.List(dir.Path, "file").Single())));
    }
}
