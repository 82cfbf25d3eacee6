using Smallfish.Core.Time;
using Smallfish.Exchanges.RateLimiting;

namespace Smallfish.Exchanges.Tests.RateLimiting;

/// <summary>The gate under a simulated clock: waits are timers, so tests advance time instead of sleeping.</summary>
public sealed class RateLimitGateTests
{
    [Test]
    public async Task WaitAsync_BlockedUntilReset_CompletesOnlyWhenClockReachesIt()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(500));

        var wait = gate.WaitAsync("k", CancellationToken.None).AsTask();
        Assert.That(wait.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(wait.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(gate.WaitCount, Is.EqualTo(1));
    }

    [Test]
    public async Task WaitAsync_OtherKey_NotBlocked()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        gate.BlockUntil("/v5/order/create", clock.GetUtcNow().AddSeconds(5));
        await gate.WaitAsync("/v5/order/realtime", CancellationToken.None);
        Assert.That(gate.WaitCount, Is.Zero);
    }

    [Test]
    public async Task WaitAsync_TokenBucket_BurstThenPacedAtRate()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 10, burst: 2);
        await gate.WaitAsync("k", CancellationToken.None);
        await gate.WaitAsync("k", CancellationToken.None);
        var third = gate.WaitAsync("k", CancellationToken.None).AsTask();
        Assert.That(third.IsCompleted, Is.False, "burst of 2 used up");
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.That(third.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public void BlockUntil_EarlierInstant_DoesNotShortenBlock()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, 0, 1);
        var later = clock.GetUtcNow().AddSeconds(2);
        gate.BlockUntil("k", later);
        gate.BlockUntil("k", clock.GetUtcNow().AddSeconds(1));
        Assert.That(gate.BlockedUntil("k"), Is.EqualTo(later));
    }
}
