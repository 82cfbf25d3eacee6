using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Recording;

namespace Smallfish.Backtest.Tests.Cache;

public class RecordingTimeShiftTests
{
    private const long Shift = 7_000_000_000L;

    private static byte[] Recording()
    {
        var header = new RecordingFileHeader("binance", 0, [new RecordedInstrument(0, RealStreams.Btc)]);
        using var recording = new InMemoryRecording(header);
        var book = new BookUpdate { Kind = BookUpdateKind.Delta, FirstUpdateId = 10, LastUpdateId = 12, PrevUpdateId = 9, ExchTsNs = 1_000_000, LocalTsNs = 1_500_000, EngineTsNs = 950_000 };
        book.Bids.Add(640_000, 5);
        recording.OnBook(book);
        book.EngineTsNs = 0;
        book.ExchTsNs = 1_000_050;
        recording.OnBook(book);
        recording.OnTrade(new TradeEvent(0, 1_000_100, 1_500_100, 640_001, 3, Side.Buy, 77));
        recording.OnBbo(new BboEvent(0, 1_000_200, 1_500_200, 5, 640_000, 4, 640_001, 6));
        recording.OnTicker(new TickerEvent(0, 1_000_300, 1_500_300, double.NaN, 64_000, double.NaN, 0.0001, 0, double.NaN, double.NaN));
        return recording.ToArray();
    }

    [Test]
    public void Rewind_WithShift_MovesEveryTimestampAndKeepsZeroTimesZero()
    {
        var plain = new CapturingSink();
        var shifted = new CapturingSink();
        using var source = RecordingEventSource.FromBytes(Recording());
        source.DrainTo(plain);
        source.Rewind(Shift);
        source.DrainTo(shifted);

        Assert.That(shifted.Events, Has.Count.EqualTo(plain.Events.Count).And.Count.EqualTo(5));
        Assert.That(shifted.Events[0], Does.StartWith($"B 0 Delta 10 12 9 0 {1_000_000 + Shift} {1_500_000 + Shift} {950_000 + Shift} |"));
        Assert.That(shifted.Events[1], Does.StartWith($"B 0 Delta 10 12 9 0 {1_000_050 + Shift} {1_500_000 + Shift} 0 |"), "no engine time stays none");
        Assert.That(shifted.Events[2], Does.Contain($"ExchTsNs = {1_000_100 + Shift}").And.Contain($"LocalTsNs = {1_500_100 + Shift}").And.Contain("TradeId = 77"));
        Assert.That(shifted.Events[3], Does.Contain($"ExchTsNs = {1_000_200 + Shift}").And.Contain($"LocalTsNs = {1_500_200 + Shift}"));
        Assert.That(shifted.Events[4], Does.Contain($"ExchTsNs = {1_000_300 + Shift}").And.Contain("NextFundingTimeNs = 0"), "no funding time stays none");
    }

    [Test]
    public void Rewind_WithoutShift_ReplaysTheSameEventsAgain()
    {
        var first = new CapturingSink();
        var again = new CapturingSink();
        using var source = RecordingEventSource.FromBytes(Recording());
        source.Rewind(Shift);
        source.DrainTo(first);
        source.Rewind();
        source.DrainTo(again);
        var plain = new CapturingSink();
        using (var fresh = RecordingEventSource.FromBytes(Recording())) fresh.DrainTo(plain);
        Assert.That(again.Events, Is.EqualTo(plain.Events));
        Assert.That(first.Events, Is.Not.EqualTo(plain.Events));
    }
}
