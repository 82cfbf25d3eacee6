using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Emulator.Feed;
using Smallfish.Emulator.Tests.Support;

namespace Smallfish.Emulator.Tests.Emulator;

/// <summary>The market feed driver: step-by-step under test control, and paced by the server clock at a speed factor.</summary>
public sealed class FeedDriverTests
{
    /// <summary>A snapshot, then one trade every 100 ms of source time.</summary>
    private static DelegateFeedSource Paced(long startNs, int trades)
    {
        int step = 0;
        return new DelegateFeedSource("paced test feed", sink =>
        {
            if (step > trades) return false;
            if (step == 0)
            {
                var snapshot = Venues.Snapshot(0, 600_000, 5);
                snapshot.ExchTsNs = startNs;
                sink.OnBook(snapshot);
            }
            else
            {
                sink.OnTrade(new TradeEvent(0, startNs + step * 100 * TimeProviderExtensions.NsPerMs, 0, 600_001, 1, Side.Buy));
            }
            step++;
            return true;
        });
    }

    [Test]
    public async Task Step_ScriptedSource_ReleasesOneStepAtATimeUntilTheEnd()
    {
        await using var emulator = await Venues.StartAsync(Paced(1, 3));

        Assert.That(emulator.Feed.Step(), Is.True);
        Assert.That(emulator.GetBook("BTCUSDT", 5).Bids.Count, Is.EqualTo(5));
        Assert.That(emulator.Feed.Step(10), Is.EqualTo(3));
        Assert.That(emulator.Feed.Step(), Is.False);
        Assert.That((emulator.Feed.EventsReleased, emulator.Feed.IsFinished), Is.EqualTo((4L, true)));
    }

    [Test]
    public async Task Start_SpeedFactorTwo_ReleasesAtHalfTheSourceIntervalsOfTheServerClock()
    {
        var clock = new SimulatedClock(1_800_000_000L * TimeProviderExtensions.NsPerSecond);
        await using var emulator = await Venues.StartAsync(Paced(1_000, 3), o => o.Clock = clock);
        int timersBefore = clock.PendingTimers;

        emulator.Feed.Start(speed: 2.0);
        await Eventually.UntilAsync(() => emulator.Feed.EventsReleased == 1 && clock.PendingTimers > timersBefore, "the snapshot out, waiting for the first trade");
        clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.That(emulator.Feed.EventsReleased, Is.EqualTo(1), "100 ms of source time at speed 2 is 50 ms");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.UntilAsync(() => emulator.Feed.EventsReleased == 2, "the first trade at 50 ms");
        await Eventually.UntilAsync(() => clock.PendingTimers > timersBefore, "waiting for the second trade");
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await Eventually.UntilAsync(() => emulator.Feed.EventsReleased == 3, "the second trade at 100 ms");
        await Eventually.UntilAsync(() => clock.PendingTimers > timersBefore, "waiting for the third trade");
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await Eventually.UntilAsync(() => emulator.Feed.IsFinished && !emulator.Feed.IsRunning, "the end of the source");
        Assert.That(emulator.Feed.EventsReleased, Is.EqualTo(4));
    }

    [Test]
    public async Task Start_Unbounded_RunsTheSyntheticStreamAsFastAsTheVenueTakesIt()
    {
        await using var emulator = await Venues.StartAsync(MarketFeeds.Synthetic(new Simulation.Synthetic.SyntheticMarketOptions
        {
            Seed = 3,
            Instrument = TestInstruments.Btc,
            InitialPrice = 64_000m,
            Duration = TimeSpan.FromSeconds(20),
        }));

        emulator.Feed.Start(double.PositiveInfinity);
        await Eventually.UntilAsync(() => emulator.Feed.IsFinished && !emulator.Feed.IsRunning, "the whole synthetic stream");

        Assert.That(emulator.Feed.EventsReleased, Is.GreaterThan(100));
        Assert.That(emulator.Feed.Description, Does.StartWith("SYNTHETIC"));
        Assert.That(emulator.GetBook("BTCUSDT", 50).Bids.Count, Is.GreaterThan(10));
    }

    [Test]
    public async Task Step_WhileRunning_Refused()
    {
        await using var emulator = await Venues.StartAsync(Paced(1, 1_000));
        emulator.Feed.Start(speed: 0.001);
        Assert.Throws<InvalidOperationException>(() => emulator.Feed.Step());
        await emulator.Feed.StopAsync();
        Assert.That(emulator.Feed.IsRunning, Is.False);
        Assert.That(emulator.Feed.Step(), Is.True, "stepping resumes after a stop");
    }
}
