namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Wakes waiters whenever something was recorded; waits are bounded so a broken test fails instead of hanging.</summary>
internal sealed class Signal
{
    private readonly SemaphoreSlim _pulse = new(0, int.MaxValue);

    public void Pulse() => _pulse.Release();

    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) Assert.Fail("timed out waiting for " + what);
            await _pulse.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }
}
