using Smallfish.Core.Configuration;
using Smallfish.Core.Time;
using Smallfish.Service.Heartbeat;

namespace Smallfish.Service.Tests.Engine;

public sealed class HeartbeatMonitorTests
{
    private const long S = TimeProviderExtensions.NsPerSecond;

    [Test]
    public void Check_NoMarketDataForTheLimit_StaleThenBackWhenEventsArrive()
    {
        var monitor = new HeartbeatMonitor(new ServiceOptions { FeedStaleMs = 3000 }, 0);

        HeartbeatCheck t1 = monitor.Check(1 * S, 0, 0);
        HeartbeatCheck t3 = monitor.Check(3 * S, 0, 0);
        HeartbeatCheck t4 = monitor.Check(4 * S, 0, 0);
        HeartbeatCheck t5 = monitor.Check(5 * S, 0, 7);

        Assert.Multiple(() =>
        {
            Assert.That((t1.FeedStale, t1.FeedChanged), Is.EqualTo((false, false)));
            Assert.That((t3.FeedStale, t3.FeedChanged, t3.LastEventAgeMs), Is.EqualTo((true, true, 3000.0)));
            Assert.That((t4.FeedStale, t4.FeedChanged), Is.EqualTo((true, false)));
            Assert.That((t5.FeedStale, t5.FeedChanged, t5.LastEventAgeMs), Is.EqualTo((false, true, 0.0)));
        });
    }

    [Test]
    public void Check_PingUnansweredForTheStallLimit_LoopDeadThenAliveWhenAnswered()
    {
        var monitor = new HeartbeatMonitor(new ServiceOptions { LoopStallMs = 2000 }, 0);
        long sent = monitor.NextPing(); // 1

        HeartbeatCheck t1 = monitor.Check(1 * S, 1, 0); // answered
        monitor.NextPing(); // 2, never answered for a while
        HeartbeatCheck t2 = monitor.Check(2 * S, 1, 0);
        HeartbeatCheck t3 = monitor.Check(3 * S, 1, 0);
        HeartbeatCheck t4 = monitor.Check(4 * S, 2, 0);

        Assert.That(sent, Is.EqualTo(1));
        Assert.That((t1.LoopAlive, t1.LoopChanged), Is.EqualTo((true, false)));
        Assert.That((t2.LoopAlive, t2.LoopChanged), Is.EqualTo((true, false)));
        Assert.That((t3.LoopAlive, t3.LoopChanged), Is.EqualTo((false, true)));
        Assert.That((t4.LoopAlive, t4.LoopChanged), Is.EqualTo((true, true)));
    }
}
