using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Recording;

namespace Smallfish.Backtest.Tests.Cache;

public class RecordingVersionTests
{
    private static byte[] Recording(long engineTsNs)
    {
        var header = new RecordingFileHeader("binance", 0, [new RecordedInstrument(0, RealStreams.Btc)]);
        using var recording = new InMemoryRecording(header);
        var book = new BookUpdate { Kind = BookUpdateKind.Delta, FirstUpdateId = 10, LastUpdateId = 12, PrevUpdateId = 9, ExchTsNs = 1_000_000, LocalTsNs = 1_500_000, EngineTsNs = engineTsNs };
        book.Bids.Add(640_000, 5);
        book.Asks.Add(640_001, 7);
        recording.OnBook(book);
        recording.OnTrade(new TradeEvent(0, 1_000_100, 1_500_100, 640_001, 3, Side.Buy, 77));
        return recording.ToArray();
    }

    [Test]
    public void Replay_Version2BookWithEngineTime_RoundTrips()
    {
        var sink = new CapturingSink();
        using (var source = RecordingEventSource.FromBytes(Recording(engineTsNs: 950_000))) source.DrainTo(sink);
        Assert.That(sink.Events[0], Does.StartWith("B 0 Delta 10 12 9 0 1000000 1500000 950000 | 640000:5 | 640001:7"));
    }

    [Test]
    public void Replay_Version1File_StillRead()
    {
        var bytes = Recording(engineTsNs: 0);
        Assert.That(BitConverter.ToUInt16(bytes, 8), Is.EqualTo(RecordingFormat.Version));
        bytes[8] = 1; // the version field is outside the header CRC; a v1 file is v2 without book flag bit 5
        bytes[9] = 0;
        var sink = new CapturingSink();
        using (var source = RecordingEventSource.FromBytes(bytes)) source.DrainTo(sink);
        Assert.That(sink.Events, Has.Count.EqualTo(2));
        Assert.That(sink.Events[1], Does.Contain("TradeId = 77"));
    }

    [Test]
    public void Open_Version3File_Refused()
    {
        var bytes = Recording(engineTsNs: 0);
        bytes[8] = 3;
        var error = Assert.Throws<RecordingFormatException>(() => RecordingEventSource.FromBytes(bytes).Dispose());
        Assert.That(error!.Message, Does.Contain("format version 3 is not supported"));
    }
}
