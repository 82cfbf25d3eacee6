using System.Diagnostics;

namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>
/// Runs a <see cref="FuzzTarget"/>: the real inputs unchanged, then seeded mutations. Each input is bounded in time (a
/// watchdog fails the test naming the input that hangs) and in allocation (GC.GetAllocatedBytesForCurrentThread around
/// the call); an exception that is not one of the target's documented types, or a property violation, fails the test.
/// Every failure names the seed and the input index, and the failing input is written to a temp file, so it reproduces.
/// </summary>
internal static class FuzzRunner
{
    public static FuzzReport Run(FuzzTarget target)
    {
        int seed = FuzzSettings.Seed;
        int generated = FuzzSettings.Iterations(target.CiIterations);
        int total = target.Corpus.Count + generated;
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        int accepted = 0;
        long maxAllocated = 0;
        long current = -1, currentStarted = 0;
        string? failure = null;
        var started = Stopwatch.GetTimestamp();

        var worker = new Thread(() =>
        {
            for (int i = 0; i < total && failure is null; i++)
            {
                byte[] input;
                try
                {
                    input = InputAt(target, seed, i);
                }
                catch (Exception e)
                {
                    failure = $"{target.Name}: generating input #{i} (seed {seed}) failed: {e}";
                    break;
                }
                Volatile.Write(ref currentStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, i);
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    target.Parse(input);
                    accepted++;
                }
                catch (Exception e) when (e is not FuzzPropertyException && target.Allowed?.Invoke(e) == true)
                {
                    string key = e.GetType().Name;
                    rejected[key] = rejected.GetValueOrDefault(key) + 1;
                }
                catch (Exception e)
                {
                    failure = Describe(target, seed, i, input, e is FuzzPropertyException
                        ? "returned an out-of-range event: " + e.Message
                        : $"threw an undocumented {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
                    break;
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                maxAllocated = Math.Max(maxAllocated, allocated);
                long budget = target.AllocationBase + target.AllocationPerInputByte * input.Length;
                if (allocated > budget)
                {
                    failure = Describe(target, seed, i, input, $"allocated {allocated:N0} bytes for a {input.Length:N0}-byte input (budget {budget:N0})");
                }
            }
            Volatile.Write(ref current, long.MaxValue);
        }) { IsBackground = true, Name = "fuzz " + target.Name };
        worker.Start();

        while (!worker.Join(TimeSpan.FromMilliseconds(50)))
        {
            long index = Volatile.Read(ref current);
            if (index < 0 || index == long.MaxValue) continue;
            var running = Stopwatch.GetElapsedTime(Volatile.Read(ref currentStarted));
            if (running > target.MaxTimePerInput && Volatile.Read(ref current) == index)
            {
                Assert.Fail(Describe(target, seed, (int)index, InputAt(target, seed, (int)index),
                    $"did not finish within {target.MaxTimePerInput.TotalSeconds:0} s (hang)"));
            }
        }
        if (failure is not null) Assert.Fail(failure);
        var report = new FuzzReport(target.Name, seed, total, accepted, rejected, maxAllocated, Stopwatch.GetElapsedTime(started));
        TestContext.Out.WriteLine(report.ToString());
        return report;
    }

    /// <summary>Input <paramref name="index"/> of a run: deterministic in (seed, target name, index).</summary>
    public static byte[] InputAt(FuzzTarget target, int seed, int index)
    {
        if (index < target.Corpus.Count) return target.Corpus[index];
        var rng = new Random(Mix(seed, target.Name, index));
        if (target.Generate is { } generate) return generate(rng, target.Corpus);
        if (rng.Next(8) == 0) return Mutator.Noise(rng);
        var seedInput = target.Corpus[rng.Next(target.Corpus.Count)];
        var other = target.Corpus[rng.Next(target.Corpus.Count)];
        return Mutator.Mutate(seedInput, other, rng);
    }

    private static int Mix(int seed, string name, int index)
    {
        ulong h = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        h ^= (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)(uint)index * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 31;
        return (int)(h ^ (h >> 32));
    }

    private static string Describe(FuzzTarget target, int seed, int index, byte[] input, string what)
    {
        string file = Path.Combine(Path.GetTempPath(), $"smallfish-fuzz-{target.Name}-{seed}-{index}.bin");
        try
        {
            File.WriteAllBytes(file, input);
        }
        catch (IOException)
        {
            file = "(could not be written)";
        }
        string preview = Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 512)));
        return $"{target.Name}: input #{index} {what}\n" +
            $"reproduce: {FuzzSettings.SeedVariable}={seed} (input #{index}; {(index < target.Corpus.Count ? "an unmutated seed input" : "generated")}); " +
            $"input ({input.Length} bytes) saved to {file}; base64 of the first 512 bytes: {preview}";
    }
}
