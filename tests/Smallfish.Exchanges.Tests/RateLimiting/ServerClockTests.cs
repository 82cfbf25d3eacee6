using Smallfish.Core.Time;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Tests.RateLimiting;

public sealed class ServerClockTests
{
    [Test]
    public void Apply_Measurement_OffsetFromRoundTripMidpoint()
    {
        var sim = new SimulatedClock(1_000_000L * TimeProviderExtensions.NsPerMs);
        var clock = new ServerClock(sim);
        Assert.That(clock.IsSynced, Is.False);

        var (offset, rtt) = clock.Apply(localSendMs: 1_000_000, serverMs: 1_005_040, localReceiveMs: 1_000_080);

        Assert.That((offset, rtt), Is.EqualTo((5_000L, 80L)));
        Assert.That(clock.IsSynced, Is.True);
        Assert.That(clock.NowMs(), Is.EqualTo(1_005_000L));
        Assert.That(clock.ToLocalMs(1_005_500), Is.EqualTo(1_000_500L));
    }

    [Test]
    public void Apply_ReceiveBeforeSend_Throws() =>
        Assert.That(() => new ServerClock(new SimulatedClock()).Apply(10, 5, 9), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
