using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.Recording;

/// <summary>Recorder to file and reader back: exact events, exact bytes, rolling, real data.</summary>
public class MarketRecorderTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Record_HandMadeEvents_ReplaysSameEventsAndReRecordsByteIdentical()
    {
        var events = HandMadeEvents.Create(repeat: 40);
        var first = await RecordAsync(events.ReplayInto, "first");
        Assert.That(first, Has.Count.EqualTo(1));

        var capture = new CapturingSink();
        using (var reader = RecordingReader.Open(first[0]))
        {
            Assert.That(reader.Header.Venue, Is.EqualTo("test"));
            Assert.That(reader.Header.CreatedNs, Is.EqualTo(HandMadeEvents.T0));
            var result = reader.ReplayTo(capture);
            Assert.That(result.Events, Is.EqualTo(events.Count));
            Assert.That(result.Blocks, Is.GreaterThan(1), "several blocks, so delta state restarts are exercised");
            Assert.That(result.Bytes, Is.EqualTo(new FileInfo(first[0]).Length));
        }
        Assert.That(capture.Events, Is.EqualTo(events.Texts()));

        var second = await RecordAsync(sink =>
        {
            using var reader = RecordingReader.Open(first[0]);
            reader.ReplayTo(sink);
        }, "second");
        Assert.That(File.ReadAllBytes(second[0]), Is.EqualTo(File.ReadAllBytes(first[0])), "decode then encode gives the same bytes");
    }

    [Test]
    public async Task Record_RealBybitSample_ReplaysTheSameSequenceOfEvents()
    {
        var (events, instruments) = BybitSampleParser.Load();
        Assert.That(events.CountOf<BookUpdate>(), Is.GreaterThan(1_500));
        Assert.That(events.CountOf<TradeEvent>(), Is.GreaterThan(300));
        Assert.That(events.CountOf<TickerEvent>(), Is.GreaterThan(700));

        var clock = new SimulatedClock(HandMadeEvents.T0);
        var options = Options(clock, "bybit");
        options.Venue = "bybit";
        options.Instruments = instruments;
        await using (var recorder = new MarketRecorder(options))
        {
            events.ReplayInto(recorder);
            await recorder.FlushAsync();
            Assert.That(recorder.Stats.EventsWritten, Is.EqualTo(events.Count));
        }
        var files = RecordingFiles.List(_dir.Path, "bybit");
        var capture = new CapturingSink();
        var result = RecordingReader.ReplayFiles(files, capture);
        Assert.That(result.Events, Is.EqualTo(events.Count));
        Assert.That(capture.Events, Is.EqualTo(events.Texts()));

        long bytes = files.Sum(f => new FileInfo(f).Length);
        long gz = new FileInfo(BybitSampleParser.SamplePath).Length;
        TestContext.Out.WriteLine($"Bybit sample: {events.Count} events, recording {bytes} bytes ({(double)bytes / events.Count:F1} B/event); source jsonl.gz {gz} bytes");
    }

    [Test]
    public async Task Record_PastMaxFileBytes_RollsFilesThatReplayInOrder()
    {
        var events = HandMadeEvents.Create(repeat: 60);
        var clock = new SimulatedClock(HandMadeEvents.T0);
        var options = Options(clock, "roll");
        options.BlockBytes = 1024;
        options.MaxFileBytes = 4096;
        await using (var recorder = new MarketRecorder(options)) events.ReplayInto(recorder);
        var files = RecordingFiles.List(_dir.Path, "roll");
        Assert.That(files, Has.Count.GreaterThan(2));
        Assert.That(files.Select(Path.GetFileName), Is.All.Match(@"^roll-20260809-\d{3}\.sfrec$"));
        Assert.That(files.Take(files.Count - 1).Select(f => new FileInfo(f).Length), Is.All.LessThanOrEqualTo(4096));
        var capture = new CapturingSink();
        RecordingReader.ReplayFiles(files, capture);
        Assert.That(capture.Events, Is.EqualTo(events.Texts()));
    }

    [Test]
    public async Task Record_AcrossUtcMidnight_NewFileForTheNewDay()
    {
        long beforeMidnight = 1_786_319_999_000_000_000; // 2026-08-09 23:59:59 UTC
        var clock = new SimulatedClock(beforeMidnight);
        var options = Options(clock, "day");
        await using (var recorder = new MarketRecorder(options))
        {
            recorder.OnTrade(new TradeEvent(0, beforeMidnight, beforeMidnight, 100, 1, Side.Buy));
            await recorder.FlushAsync();
            clock.Advance(TimeSpan.FromSeconds(2));
            recorder.OnTrade(new TradeEvent(0, beforeMidnight + 2_000_000_000, beforeMidnight + 2_000_000_000, 101, 1, Side.Sell));
        }
        var files = RecordingFiles.List(_dir.Path, "day").Select(Path.GetFileName).ToList();
        Assert.That(files, Is.EqualTo(new[] { "day-20260809-001.sfrec", "day-20260810-001.sfrec" }));
    }

    [Test]
    public async Task FlushTimer_OneIntervalOnTheClock_SealsTheCurrentBlock()
    {
        var clock = new SimulatedClock(HandMadeEvents.T0);
        await using var recorder = new MarketRecorder(Options(clock, "tick"));
        recorder.OnTrade(new TradeEvent(0, 1, 2, 100, 1, Side.Buy));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(recorder.Stats.PendingBytes + recorder.Stats.BytesWritten, Is.Zero, "still in the open block");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(recorder.Stats.PendingBytes + recorder.Stats.BytesWritten, Is.GreaterThan(0), "sealed and handed to the writer");
        await recorder.FlushAsync();
        using var reader = RecordingReader.Open(recorder.Stats.CurrentFile!);
        Assert.That(reader.ReplayTo(new CapturingSink()).Events, Is.EqualTo(1));
    }

    [Test]
    public async Task OnTrade_SymbolNotInTable_CountedNotRecorded()
    {
        var clock = new SimulatedClock(HandMadeEvents.T0);
        await using var recorder = new MarketRecorder(Options(clock, "unk"));
        recorder.OnTrade(new TradeEvent(2, 1, 2, 100, 1, Side.Buy)); // id 2 is a hole in the table
        recorder.OnTrade(new TradeEvent(9, 1, 2, 100, 1, Side.Buy));
        recorder.OnTrade(new TradeEvent(0, 1, 2, 100, 1, Side.Buy));
        await recorder.FlushAsync();
        Assert.That((recorder.Stats.UnknownSymbolEvents, recorder.Stats.EventsWritten), Is.EqualTo((2L, 1L)));
    }

    private async Task<IReadOnlyList<string>> RecordAsync(Action<IMarketEventSink> feed, string prefix)
    {
        var clock = new SimulatedClock(HandMadeEvents.T0);
        var options = Options(clock, prefix);
        options.BlockBytes = 2048;
        await using (var recorder = new MarketRecorder(options)) feed(recorder);
        return RecordingFiles.List(_dir.Path, prefix);
    }

    private MarketRecorderOptions Options(SimulatedClock clock, string prefix) => new()
    {
        Directory = _dir.Path,
        FilePrefix = prefix,
        Venue = "test",
        Instruments = HandMadeEvents.Instruments(),
        TimeProvider = clock,
    };
}
