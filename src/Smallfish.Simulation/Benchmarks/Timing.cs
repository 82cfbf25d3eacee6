using System.Diagnostics;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>Times passes of a benchmark after warm-up passes (so tiered compilation has settled), wall and processor time, and thread allocations.</summary>
internal static class Timing
{
    public static Measurement Measure(string name, string unit, long unitsPerPass, int repeat, int warmup, Action pass)
    {
        for (int i = 0; i < warmup; i++) pass();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int r = 0; r < repeat; r++) pass();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Measurement(name, unit, unitsPerPass, repeat, seconds, cpu, allocated);
    }
}
