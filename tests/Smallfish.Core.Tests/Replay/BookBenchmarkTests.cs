using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Benchmarks;

namespace Smallfish.Core.Tests.Replay;

/// <summary>
/// Runs the <c>bench book</c> code path on a small slice of the real data. It asserts allocations and correctness,
/// never timings (speed is read from the benchmark's printed figures).
/// </summary>
public class BookBenchmarkTests
{
    [Test]
    public void Run_TinyRepeat_ZeroBytesPerEventInSteadyStateAndNoSyncFailure()
    {
        var result = BookBenchmark.Run(new BookBenchmarkOptions
        {
            DataDirectory = SharedData.Real,
            Repeat = 1,
            Symbols = ["BTCUSDT"],
            FirstSessionOnly = true,
        });
        Assert.That(result.Books, Has.Count.EqualTo(2));
        foreach (var b in result.Books)
        {
            TestContext.Out.WriteLine($"{b.Name}: {b.DeltasPerPass} deltas, {b.LevelsPerPass} levels, {b.AllocatedBytes} bytes allocated");
            Assert.That(b.DeltasPerPass, Is.GreaterThan(1_000), b.Name);
            Assert.That(b.AllocatedBytes, Is.Zero, b.Name);
            Assert.That(b.BytesPerEvent, Is.Zero, b.Name);
            Assert.That(b.SyncFailures, Is.Zero, b.Name);
        }
        var parse = result.Parses.Single();
        Assert.That(parse.Lines, Is.EqualTo(11_414 + 60_570));
        Assert.That(parse.AllocatedBytes, Is.Zero);
    }
}
