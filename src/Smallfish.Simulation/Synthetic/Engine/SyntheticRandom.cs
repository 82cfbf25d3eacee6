namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// The synthetic market's seeded pseudo-random generator (xoshiro256** seeded through SplitMix64) with the continuous
/// draws it needs (exponential, normal, log-normal, geometric). Its sequence is fixed by this code, not by the
/// runtime's <see cref="Random"/>, so a seed means the same stream on every .NET version. Continuous draws use <see cref="Math.Log(double)"/>, <see cref="Math.Exp"/> and
/// <see cref="Math.Cos"/>, which are deterministic on one platform; a different CPU or libm may round the last bit of a
/// draw differently, so byte-identical streams are promised per platform.
/// </summary>
internal sealed class SyntheticRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator for <paramref name="seed"/>; <paramref name="stream"/> selects an independent sub-sequence.</summary>
    public SyntheticRandom(long seed, ulong stream = 0)
    {
        ulong x = unchecked((ulong)seed ^ (stream * 0xD1B54A32D192ED03UL) ^ 0x5DEECE66DUL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>); 0 when the bound is not positive.</summary>
    public long NextLong(long maxExclusive)
    {
        if (maxExclusive <= 1) return 0;
        ulong bound = (ulong)maxExclusive;
        ulong threshold = (0UL - bound) % bound; // rejection keeps the draw unbiased
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= threshold) return (long)(r % bound);
        }
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public long Between(long min, long max) => max <= min ? min : min + NextLong(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Exponential with the given mean (inter-arrival time of a Poisson process with rate 1/mean).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal (Box-Muller, one value per call).</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and log-space standard deviation.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Geometric count of failures before a success, with the given mean (0 for a mean of 0).</summary>
    public long Geometric(double mean)
    {
        if (mean <= 0) return 0;
        double p = 1.0 / (1.0 + mean);
        return (long)Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(1.0 - p));
    }

    /// <summary>A generator on an independent sub-sequence derived from this one's next draw and <paramref name="stream"/>.</summary>
    public SyntheticRandom Fork(ulong stream) => new(unchecked((long)NextUInt64()), stream);

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
