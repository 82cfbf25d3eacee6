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

    [Test]
    public async Task WaitAsync_ProtectiveDuringVenueBlock_FirstPassesAtOnceLaterOnesWait()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(1000));

        var firstStop = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        var secondStop = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        var entry = gate.WaitAsync("k", CancellationToken.None).AsTask();

        Assert.That(firstStop.IsCompletedSuccessfully, Is.True, "the first protective call goes out through the block");
        Assert.That((secondStop.IsCompleted, entry.IsCompleted), Is.EqualTo((false, false)), "later calls wait for the venue's reset");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That((secondStop.IsCompleted, entry.IsCompleted), Is.EqualTo((false, false)));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(secondStop, entry).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(gate.BypassCount, Is.EqualTo(1));
    }

    [Test]
    public void WaitAsync_BlockExtendedWithinWindow_NoSecondBypass()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(500));
        var first = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(1000)); // the bypassing call itself answered 429 again

        var second = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();

        Assert.That(first.IsCompletedSuccessfully, Is.True);
        Assert.That(second.IsCompleted, Is.False, "an extended block is the same window: the back-off is never ignored twice in a row");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(second.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(second.IsCompletedSuccessfully, Is.True);
        Assert.That(gate.BypassCount, Is.EqualTo(1));
    }

    [Test]
    public void WaitAsync_NewBlockAfterTheLastExpired_AllowsOneMoreBypass()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(300));
        var first = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        gate.BlockUntil("k", clock.GetUtcNow().AddMilliseconds(300));

        var second = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        var third = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();

        Assert.That((first.IsCompletedSuccessfully, second.IsCompletedSuccessfully, third.IsCompleted), Is.EqualTo((true, true, false)));
        Assert.That(gate.BypassCount, Is.EqualTo(2));
    }

    [Test]
    public void WaitAsync_ProtectiveDuringVenueBlock_StillTakesALocalToken()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 10, burst: 1);
        Assert.That(gate.WaitAsync("k", CancellationToken.None).IsCompletedSuccessfully, Is.True, "the only token");
        gate.BlockUntil("k", clock.GetUtcNow().AddSeconds(2));

        var stop = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        Assert.That(stop.IsCompleted, Is.False, "no local token yet");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That(stop.IsCompletedSuccessfully, Is.True, "the refilled token lets it through the venue's block");

        var next = gate.WaitAsync("k", protective: true, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.That(next.IsCompleted, Is.False, "the window's bypass is used");
        Assert.That(gate.BypassCount, Is.EqualTo(1));
    }

    [Test]
    public void WaitAsync_ProtectiveWithoutBlock_NotCountedAsBypass()
    {
        var clock = new SimulatedClock();
        var gate = new RateLimitGate(clock, ratePerSecond: 0, burst: 1);
        Assert.That(gate.WaitAsync("k", protective: true, CancellationToken.None).IsCompletedSuccessfully, Is.True);
        gate.BlockUntil("k", clock.GetUtcNow().AddSeconds(1));
        Assert.That(gate.WaitAsync("k", protective: true, CancellationToken.None).IsCompletedSuccessfully, Is.True, "the first protective call of the window");
        Assert.That(gate.BypassCount, Is.EqualTo(1));
    }
}
