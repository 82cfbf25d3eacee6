using Smallfish.Remote.Telegram.Sending;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Tests.Telegram;

public class TelegramRateLimiterTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Test]
    public void GetWait_SameChatWithinInterval_WaitsTheRemainder()
    {
        var limiter = new TelegramRateLimiter(S(1), 30);
        limiter.RecordSend(1, S(10));

        Assert.That(limiter.GetWait(1, S(10.25)), Is.EqualTo(S(0.75)));
        Assert.That(limiter.GetWait(2, S(10.25)), Is.EqualTo(TimeSpan.Zero), "other chats are not held back");
        Assert.That(limiter.GetWait(1, S(11)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void GetWait_GlobalWindowFull_WaitsForTheOldestToAge()
    {
        var limiter = new TelegramRateLimiter(S(1), 3);
        limiter.RecordSend(1, S(0));
        limiter.RecordSend(2, S(0.1));
        limiter.RecordSend(3, S(0.2));

        Assert.That(limiter.GetWait(4, S(0.5)), Is.EqualTo(S(0.5)), "the 4th message in a second waits until the 1st is a second old");
        limiter.RecordSend(4, S(1.0));
        Assert.That(limiter.GetWait(5, S(1.0)), Is.EqualTo(S(0.1)));
    }

    [Test]
    public void Backoff_Compute_WithinHalfToFullOfDoublingCeiling()
    {
        var policy = new BackoffPolicy(S(1), S(10));

        Assert.That(policy.Compute(1, 0), Is.EqualTo(S(0.5)));
        Assert.That(policy.Compute(1, 0.999), Is.LessThan(S(1)));
        Assert.That(policy.Compute(3, 0), Is.EqualTo(S(2)));
        Assert.That(policy.Compute(30, 0.5), Is.EqualTo(S(7.5)), "capped at the maximum");
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Compute(0, 0.5));
    }
}
