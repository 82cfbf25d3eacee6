using System.Diagnostics;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Awaits a condition that socket I/O will make true, with a bound (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs) Assert.Fail($"timed out after {timeoutMs} ms waiting for {what}");
            await Task.Delay(2);
        }
    }
}
