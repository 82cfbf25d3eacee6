namespace Smallfish.Simulation.Venue;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64) for the simulation models. Its sequence depends only on the
/// seed, on every platform and runtime version (unlike <see cref="Random"/>, whose seeded algorithm is an
/// implementation detail), so a simulated run with jitter or injected faults repeats exactly.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    /// <summary>Creates a generator whose sequence is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxInclusive"/>]; 0 when the bound is not positive.</summary>
    public long NextInclusive(long maxInclusive)
    {
        if (maxInclusive <= 0) return 0;
        ulong range = (ulong)maxInclusive + 1;
        // Rejection sampling keeps the draw unbiased for any range.
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return (long)(x % range);
    }
}
